package io.jnftables.libnft;

import jnr.ffi.LibraryLoader;

/** Loads {@link LibNftables} once; remembers a failure so that it is reported the same way. */
final class LibNftablesLoader {
  private LibNftablesLoader() {}

  // Soname first: it names the ABI this binding was written for; "nftables" also finds a dev
  // symlink or another version.
  private static final String[] NAMES = {"libnftables.so.1", "nftables"};

  private static volatile LibNftables instance;
  private static Throwable failure; // guarded by LibNftablesLoader.class

  static LibNftables get() {
    LibNftables lib = instance;
    if (lib != null) {
      return lib;
    }
    synchronized (LibNftablesLoader.class) {
      if (instance == null && failure == null) {
        Throwable first = null;
        for (String name : NAMES) {
          try {
            instance = LibraryLoader.create(LibNftables.class).failImmediately().load(name);
            break;
          } catch (LinkageError | RuntimeException e) {
            if (first == null) {
              first = e;
            } else {
              first.addSuppressed(e);
            }
          }
        }
        if (instance == null) {
          failure = first;
        }
      }
      if (instance != null) {
        return instance;
      }
      throw new NftException(
          "libnftables could not be loaded (tried libnftables.so.1 and nftables): "
              + failure.getMessage()
              + ". Install it with `apt-get install libnftables1` (Debian/Ubuntu; the -dev package"
              + " is not needed at run time).",
          failure);
    }
  }
}
