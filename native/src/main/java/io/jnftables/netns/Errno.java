package io.jnftables.netns;

import java.util.Map;

/**
 * Symbolic names and texts of the Linux errno values this module can meet.
 *
 * <p>Hard-coded rather than taken from {@code strerror()} so that messages do not depend on the
 * locale. The numbers are the asm-generic ones, shared by x86-64 and arm64.
 */
final class Errno {
  private Errno() {}

  private record Entry(String name, String description) {}

  private static final Map<Integer, Entry> ENTRIES = Map.ofEntries(
      Map.entry(1, new Entry("EPERM", "Operation not permitted")),
      Map.entry(2, new Entry("ENOENT", "No such file or directory")),
      Map.entry(3, new Entry("ESRCH", "No such process")),
      Map.entry(4, new Entry("EINTR", "Interrupted system call")),
      Map.entry(5, new Entry("EIO", "Input/output error")),
      Map.entry(9, new Entry("EBADF", "Bad file descriptor")),
      Map.entry(12, new Entry("ENOMEM", "Cannot allocate memory")),
      Map.entry(13, new Entry("EACCES", "Permission denied")),
      Map.entry(14, new Entry("EFAULT", "Bad address")),
      Map.entry(16, new Entry("EBUSY", "Device or resource busy")),
      Map.entry(17, new Entry("EEXIST", "File exists")),
      Map.entry(20, new Entry("ENOTDIR", "Not a directory")),
      Map.entry(21, new Entry("EISDIR", "Is a directory")),
      Map.entry(22, new Entry("EINVAL", "Invalid argument")),
      Map.entry(23, new Entry("ENFILE", "Too many open files in system")),
      Map.entry(24, new Entry("EMFILE", "Too many open files")),
      Map.entry(28, new Entry("ENOSPC", "No space left on device")),
      Map.entry(36, new Entry("ENAMETOOLONG", "File name too long")),
      Map.entry(38, new Entry("ENOSYS", "Function not implemented")),
      Map.entry(40, new Entry("ELOOP", "Too many levels of symbolic links")),
      Map.entry(87, new Entry("EUSERS", "Too many users")),
      Map.entry(95, new Entry("EOPNOTSUPP", "Operation not supported")));

  static String name(int errno) {
    Entry e = ENTRIES.get(errno);
    return e != null ? e.name() : "errno " + errno;
  }

  static String description(int errno) {
    Entry e = ENTRIES.get(errno);
    return e != null ? e.description() : "unknown error";
  }
}
