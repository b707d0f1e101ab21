package io.jnftables.client;

import java.util.Locale;

/**
 * The error class of a failed nft command, read from nft's message: libnftables prints
 * {@code strerror(errno)} (in English, whatever the locale) but does not return the number.
 * {@link #PARSE} means nft rejected the input before the kernel saw it; {@link #UNKNOWN} that the
 * message names no error class.
 */
public enum NftErrno {
  /** Operation not permitted: not root, or CAP_NET_ADMIN missing. */
  EPERM("Operation not permitted"),
  /** No such file or directory: the table, chain, set or element does not exist, or the kernel lacks the feature's module. */
  ENOENT("No such file or directory"),
  /** Interrupted system call (the ruleset generation changed meanwhile). */
  EINTR("Interrupted system call"),
  /** Argument list too long. */
  E2BIG("Argument list too long"),
  /** Cannot allocate memory. */
  ENOMEM("Cannot allocate memory"),
  /** Permission denied. */
  EACCES("Permission denied"),
  /** Device or resource busy: e.g. deleting a chain that is still jumped to. */
  EBUSY("Device or resource busy"),
  /** File exists: {@code create} of an existing object, or a duplicate element. */
  EEXIST("File exists"),
  /** No such device: an interface named in a base chain or flowtable does not exist. */
  ENODEV("No such device"),
  /** Invalid argument. */
  EINVAL("Invalid argument"),
  /** Too many open files. */
  EMFILE("Too many open files"),
  /** No space left on device: a set is full. */
  ENOSPC("No space left on device"),
  /** Too many links: e.g. too many jumps. */
  EMLINK("Too many links"),
  /** Numerical result out of range. */
  ERANGE("Numerical result out of range"),
  /** Message too long: the batch is too large for one netlink message. */
  EMSGSIZE("Message too long"),
  /** Protocol not supported. */
  EPROTONOSUPPORT("Protocol not supported"),
  /** Operation not supported: the kernel lacks the feature. */
  EOPNOTSUPP("Operation not supported"),
  /** Address family not supported by protocol. */
  EAFNOSUPPORT("Address family not supported by protocol"),
  /** Too many levels of symbolic links: a chain loop ({@code jump} back). */
  ELOOP("Too many levels of symbolic links"),
  /** nft refused the input itself, while parsing or evaluating it (no kernel error). */
  PARSE(""),
  /** The message names no error class. */
  UNKNOWN("");

  private final String text;

  NftErrno(String text) {
    this.text = text;
  }

  /** The {@code strerror} text this class is recognised by, or {@code ""}. */
  public String text() {
    return text;
  }

  /**
   * The error class named by nft's message: the first {@code strerror} text it contains; else
   * {@link #PARSE} if it reports an error (nft's parser or evaluator refused the input); else
   * {@link #UNKNOWN}.
   */
  public static NftErrno fromMessage(String message) {
    NftErrno best = null;
    int at = Integer.MAX_VALUE;
    for (NftErrno e : values()) {
      if (!e.text.isEmpty()) {
        int i = message.indexOf(e.text);
        if (i >= 0 && i < at) {
          best = e;
          at = i;
        }
      }
    }
    if (best != null) {
      return best;
    }
    return message.toLowerCase(Locale.ROOT).contains("error") ? PARSE : UNKNOWN;
  }
}
