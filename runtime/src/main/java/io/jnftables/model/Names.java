package io.jnftables.model;

import java.nio.charset.StandardCharsets;

/**
 * nft's rules for table, chain and other object names as users write them: an identifier that
 * starts with a letter or {@code _} and continues with letters, digits, {@code _ . - /}, at most
 * 255 bytes (the kernel's NFT_NAME_MAXLEN is 256 with the terminating NUL).
 */
public final class Names {
  public static final int MAX_BYTES = 255;

  private Names() {}

  /** Returns {@code name} if nft accepts it as an unquoted identifier; throws otherwise. */
  public static String check(String kind, String name) {
    String problem = problem(name);
    if (problem != null) {
      throw new IllegalArgumentException("invalid " + kind + " name \"" + name + "\": " + problem);
    }
    return name;
  }

  /** Why {@code name} is not a valid identifier, or {@code null} if it is. */
  public static @org.jspecify.annotations.Nullable String problem(String name) {
    if (name.isEmpty()) {
      return "it is empty";
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return "it is longer than " + MAX_BYTES + " bytes";
    }
    char first = name.charAt(0);
    if (!(isAsciiLetter(first) || first == '_')) {
      return "it must start with a letter or '_'";
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-' || c == '/')) {
        return "character '" + c + "' at index " + i + " is not allowed (letters, digits, _ . - / only)";
      }
    }
    return null;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
