package io.jnftables.sysctl;

import io.jnftables.netns.NetnsException;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.netns.NetnsThread;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes {@code /proc/sys/net} in this process, on a {@link NetnsThread} inside the
 * target network namespace: the kernel answers {@code /proc/sys/net} with the values of the
 * namespace of the thread that opens the file, so the rest of the JVM is not affected.
 *
 * <p>Files are opened without following symbolic links, after checking that the real path is below
 * {@code /proc/sys/net}. A value is written in a single {@code write} call followed by a newline,
 * and read with a single {@code read} from offset 0 (a sysctl file answers a read at a non-zero
 * offset with end of file, so reading it in small steps, as {@code Files.readString} does for a
 * file of size 0, yields only its first character).
 * Needs CAP_NET_ADMIN over the namespace (root, or a process holding just that capability).
 *
 * <p>Thread-safe: every operation runs on the namespace thread, one at a time. After
 * {@link #close()} (or after the borrowed thread was closed) every call throws
 * {@link IllegalStateException}; a caller interrupted while waiting gets a
 * {@link SysctlException} with reason {@code FAILED} and keeps its interrupt flag.
 */
public final class ProcSysctlBackend implements SysctlBackend {
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final int MAX_READ = 4096;

  private final NetnsThread thread;
  private final boolean ownsThread;

  private ProcSysctlBackend(NetnsThread thread, boolean ownsThread) {
    this.thread = thread;
    this.ownsThread = ownsThread;
  }

  /**
   * Starts a thread named {@code jnft-sysctl-N} in {@code target}; {@link #close()} ends it (and a
   * fresh namespace with it).
   *
   * @throws io.jnftables.netns.NetnsException if the namespace cannot be entered
   */
  public static ProcSysctlBackend open(NetnsTarget target) {
    Objects.requireNonNull(target, "target");
    return new ProcSysctlBackend(
        NetnsThread.start(target, "jnft-sysctl-" + COUNTER.incrementAndGet()), true);
  }

  /**
   * Uses a thread the caller owns (e.g. one that also created interfaces in its namespace);
   * {@link #close()} leaves it running.
   */
  public static ProcSysctlBackend on(NetnsThread thread) {
    return new ProcSysctlBackend(Objects.requireNonNull(thread, "thread"), false);
  }

  /** The namespace the reads and writes happen in, e.g. {@code net:[4026532177]}. */
  public String netnsId() {
    return thread.netnsId();
  }

  @Override
  public String read(SysctlParameter.Resolved parameter) {
    Objects.requireNonNull(parameter, "parameter");
    try {
      return thread.call(() -> readHere(parameter));
    } catch (NetnsException e) {
      throw interrupted(parameter, e);
    }
  }

  @Override
  public void write(SysctlParameter.Resolved parameter, String canonicalValue) {
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(canonicalValue, "canonicalValue");
    try {
      thread.run(() -> writeHere(parameter, canonicalValue));
    } catch (NetnsException e) {
      throw interrupted(parameter, e);
    }
  }

  private static SysctlException interrupted(SysctlParameter.Resolved p, NetnsException e) {
    // the tasks throw only unchecked exceptions, which NetnsThread passes on unchanged: a
    // NetnsException here means the caller was interrupted while waiting
    return new SysctlException(
        SysctlException.Reason.FAILED, p.name(), p.name() + ": " + e.getMessage(), e);
  }

  @Override
  public List<String> interfaces(IpVersion version) {
    Objects.requireNonNull(version, "version");
    try {
      return thread.call(() -> interfacesHere(version));
    } catch (NetnsException e) {
      throw new SysctlException(SysctlException.Reason.FAILED, version.directory(), e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (ownsThread) {
      thread.close();
    }
  }

  @Override
  public String toString() {
    return "ProcSysctlBackend[" + thread.netnsId() + "]";
  }

  // --- on the namespace thread -----------------------------------------------------------------

  private String readHere(SysctlParameter.Resolved p) {
    Path path = checkedPath(p);
    try (SeekableByteChannel ch =
        Files.newByteChannel(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer buf = ByteBuffer.allocate(MAX_READ);
      while (buf.hasRemaining() && ch.read(buf) > 0) {
        // the first read, at offset 0, returns the whole value; the next one end of file
      }
      buf.flip();
      String text = StandardCharsets.UTF_8.decode(buf).toString();
      return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    } catch (IOException e) {
      throw failure(p, e, "reading", null);
    }
  }

  private void writeHere(SysctlParameter.Resolved p, String value) {
    Path path = checkedPath(p);
    byte[] bytes = (value + "\n").getBytes(StandardCharsets.US_ASCII);
    try (FileChannel ch =
        FileChannel.open(path, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      int n = ch.write(ByteBuffer.wrap(bytes));
      if (n != bytes.length) {
        throw new SysctlException(
            SysctlException.Reason.FAILED,
            p.name(),
            "writing " + p.name() + ": the kernel took " + n + " of " + bytes.length + " bytes");
      }
    } catch (IOException e) {
      throw failure(p, e, "writing", value);
    }
  }

  private List<String> interfacesHere(IpVersion version) {
    Path dir = SysctlParameter.ROOT.resolve(version.directory()).resolve("conf");
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path e : entries) {
        String name = e.getFileName().toString();
        if (!name.equals("all") && !name.equals("default") && InterfaceNames.problem(name) == null) {
          names.add(name);
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new SysctlException(
          SysctlException.Reason.FAILED, dir.toString(), "listing " + dir + " failed: " + e, e);
    }
    names.sort(null);
    return List.copyOf(names);
  }

  /** The path, after checking that the kernel's real path is below /proc/sys/net. */
  private Path checkedPath(SysctlParameter.Resolved p) {
    Path path = p.path();
    Path real;
    try {
      real = path.toRealPath();
    } catch (IOException e) {
      throw failure(p, e, "resolving", null);
    }
    if (!real.startsWith(SysctlParameter.ROOT)) {
      throw new SysctlException(
          SysctlException.Reason.FAILED,
          p.name(),
          p.name() + ": " + path + " resolves to " + real + ", outside " + SysctlParameter.ROOT
              + "; refused");
    }
    return path;
  }

  private SysctlException failure(
      SysctlParameter.Resolved p, IOException e, String doing, @Nullable String value) {
    String name = p.name();
    SysctlParameter param = p.parameter();
    if (e instanceof NoSuchFileException) {
      String why = p.whyMissing();
      return new SysctlException(
          SysctlException.Reason.NOT_PRESENT,
          name,
          name + " does not exist in network namespace " + thread.netnsId() + ": " + why,
          e);
    }
    if (e instanceof AccessDeniedException) {
      if (!ownerMayWrite(p.path())) {
        String why = param.scope() == SysctlParameter.Scope.GLOBAL
            ? ": it is one value for the whole machine, writable only from the initial network namespace"
            : "";
        return new SysctlException(
            SysctlException.Reason.READ_ONLY,
            name,
            name + " is read-only in network namespace " + thread.netnsId() + why,
            e);
      }
      return new SysctlException(
          SysctlException.Reason.PERMISSION_DENIED,
          name,
          doing + " " + name + " was denied: it needs CAP_NET_ADMIN over the network namespace"
              + " (run as root, or through the privileged helper)",
          e);
    }
    if (value != null && "Invalid argument".equals(e.getMessage())) {
      return new SysctlException(
          SysctlException.Reason.KERNEL_REFUSED,
          name,
          "the kernel refused " + name + " = " + value.replace('\t', ' ')
              + " (EINVAL), although it is within " + param.type().allowed()
              + "; it depends on other parameters: " + param.description(),
          e);
    }
    return new SysctlException(
        SysctlException.Reason.FAILED, name, doing + " " + name + " failed: " + e, e);
  }

  private static boolean ownerMayWrite(Path path) {
    try {
      return Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)
          .contains(PosixFilePermission.OWNER_WRITE);
    } catch (IOException | UnsupportedOperationException e) {
      return true;
    }
  }
}
