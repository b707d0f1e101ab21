package io.jnftables.helper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the {@code jnft-helper} executable.
 *
 * <p>In order: the system property {@value #PATH_PROPERTY} (an installed helper, e.g. one that an
 * administrator gave {@code setcap cap_net_admin+ep} and mode 0750 for a group of service users);
 * otherwise the helper built with this jar (resource {@code linux-<os.arch>/jnft-helper}),
 * extracted to a private directory: {@value #DIR_PROPERTY} if set, else
 * {@code <java.io.tmpdir>/jnftables-<uid>}, created with mode 0700, with the file named after the
 * hash of its content and given mode 0750 (the helper refuses to run when "other" may touch it).
 * The directory must allow execution (not a {@code noexec} mount).
 */
public final class HelperBinary {
  /** System property: path of an installed helper to use instead of the bundled one. */
  public static final String PATH_PROPERTY = "jnftables.helper";

  /** System property: directory to extract the bundled helper to. */
  public static final String DIR_PROPERTY = "jnftables.helper.dir";

  private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> EXE_MODE = PosixFilePermissions.fromString("rwxr-x---");

  private static volatile Path extracted;

  private HelperBinary() {}

  /** The helper to run: the configured one, or the bundled one extracted (once per JVM). */
  public static Path locate() {
    String configured = System.getProperty(PATH_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path p = extracted;
    if (p != null && Files.isRegularFile(p)) {
      return p;
    }
    synchronized (HelperBinary.class) {
      if (extracted == null || !Files.isRegularFile(extracted)) {
        extracted = extractBundled();
      }
      return extracted;
    }
  }

  /** The resource name of the bundled helper for this machine. */
  static String resourceName() {
    return "linux-" + System.getProperty("os.arch").toLowerCase(Locale.ROOT) + "/jnft-helper";
  }

  private static Path extractBundled() {
    byte[] bytes;
    try (InputStream in = HelperBinary.class.getResourceAsStream(resourceName())) {
      if (in == null) {
        throw new HelperException("no jnft-helper is bundled for " + System.getProperty("os.arch")
            + " (resource io/jnftables/helper/" + resourceName() + " is missing); build it from"
            + " native/src/main/c/jnft-helper.c and pass its path with -D" + PATH_PROPERTY);
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String dirName = System.getProperty(DIR_PROPERTY);
    Path dir = dirName != null && !dirName.isBlank()
        ? Path.of(dirName)
        : Path.of(System.getProperty("java.io.tmpdir"), "jnftables-" + uid());
    try {
      privateDirectory(dir);
      Path target = dir.resolve("jnft-helper-" + sha256(bytes).substring(0, 16));
      if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
          && EXE_MODE.equals(Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS))
          && sha256(Files.readAllBytes(target)).equals(sha256(bytes))) {
        return target; // extracted earlier by this user, unchanged
      }
      Path tmp = Files.createTempFile(dir, ".jnft-helper-", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        Files.write(tmp, bytes);
        Files.setPosixFilePermissions(tmp, EXE_MODE);
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
      return target;
    } catch (IOException e) {
      throw new HelperException("cannot extract jnft-helper to " + dir + ": " + e
          + " (set -D" + DIR_PROPERTY + " to a private directory on a filesystem that allows"
          + " execution)", e);
    }
  }

  /** Creates {@code dir} with mode 0700, or checks that an existing one is ours and private. */
  private static void privateDirectory(Path dir) throws IOException {
    try {
      Files.createDirectories(dir.getParent());
      Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
    } catch (FileAlreadyExistsException e) {
      // checked below
    }
    if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(dir + " is not a directory (or is a symbolic link)");
    }
    Object owner = Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    if (!owner.equals(uid())) {
      throw new IOException(dir + " belongs to uid " + owner + ", not to this process (uid "
          + uid() + ")");
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
    if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)
        || perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
      throw new IOException(dir + " is not private (mode " + PosixFilePermissions.toString(perms)
          + "); expected rwx------");
    }
  }

  /** This process's uid: the owner of {@code /proc/self}. */
  static int uid() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
