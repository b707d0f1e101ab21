package io.jnftables.sysctl;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Which interface names may appear in a per-interface parameter such as
 * {@code net.ipv4.conf.<if>.rp_filter}.
 *
 * <p>The kernel's own rule ({@code dev_valid_name}): 1 to 15 bytes, not {@code .} or {@code ..},
 * no {@code /}, {@code :} or white space. This class is a little stricter: only printable ASCII
 * ({@code !} to {@code ~}), because the kernel's notion of white space includes byte 0xA0, which
 * appears inside some UTF-8 characters. A name may contain dots ({@code eth0.100}): the parameter
 * name is split on its fixed prefix and suffix, never on dots.
 */
final class InterfaceNames {
  /** IFNAMSIZ - 1. */
  static final int MAX_BYTES = 15;

  private InterfaceNames() {}

  /** Why {@code name} cannot be an interface name, or {@code null} if it can. */
  static @Nullable String problem(String name) {
    if (name.isEmpty()) {
      return "the interface name is empty";
    }
    if (name.equals(".") || name.equals("..")) {
      return "\"" + name + "\" is not an interface name";
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return "interface names have at most " + MAX_BYTES + " bytes";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == ':') {
        return "an interface name cannot contain '" + c + "'";
      }
      if (c <= ' ' || c > '~') {
        return "an interface name may only contain printable ASCII characters other than space, '/' and ':'";
      }
    }
    return null;
  }
}
