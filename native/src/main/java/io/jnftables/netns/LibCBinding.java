package io.jnftables.netns;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.SaveError;

/** The jnr-ffi binding behind {@link LibC}, loaded on first use. */
final class LibCBinding {
  private LibCBinding() {}

  /**
   * Public only because jnr-ffi implements it in a class loader of its own; the enclosing class is
   * package-private, so it is not part of the API.
   */
  public interface Native {
    @SaveError
    int unshare(int flags);

    @SaveError
    int setns(int fd, int nstype);

    @SaveError
    int open(@In byte[] pathWithTrailingNul, int flags);

    @SaveError
    int close(int fd);
  }

  static final Native LIBC = LibraryLoader.create(Native.class).failImmediately().load("c");
  static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
}
