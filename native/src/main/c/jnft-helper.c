/*
 * jnft-helper: the privileged helper of jnftables (the seed library's "port").
 *
 * It runs libnftables in its own process so that a JVM needs no privileges (the helper keeps
 * CAP_NET_ADMIN, nothing else) and so that namespaces can be worked on in parallel (libnftables
 * 1.0.6 keeps process-global state, so one process serves one namespace).
 *
 * Usage: jnft-helper [--netns PATH]
 *
 * Protocol (stdin/stdout, one frame after another; integers big-endian):
 *   frame    = u32 length, then `length` bytes of body
 *   request  = u64 id, u32 output_flags (NFT_CTX_OUTPUT_*), u32 options (bit 0: dry run),
 *              command bytes (UTF-8, nft text or libnftables JSON, no NUL)
 *   response = u64 id, i32 rc (0 ok, -1 nft error, -2 refused by the helper),
 *              u32 output length, output bytes, error bytes (the rest)
 * The first frame the helper writes is a greeting: id 0, rc 0, output "jnft-helper 1".
 * Requests are answered in order. A request over 10 MiB is answered with rc -2 and skipped;
 * the helper goes on. End of input ends the helper (exit 0).
 *
 * Start-up, in this order (each step needs what the previous one still had):
 *   1. refuse to run if the executable grants any permission to "other" (exit 78);
 *   2. enter the network namespace PATH, if given (setns needs CAP_SYS_ADMIN);
 *   3. drop every capability but CAP_NET_ADMIN from the bounding, inheritable, permitted,
 *      effective and ambient sets; set no_new_privs; make the process not dumpable;
 *   4. create the libnftables context (its netlink socket is bound to the namespace now).
 * It never executes anything (no shell, no exec).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <nftables/libnftables.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define PROTOCOL_GREETING "jnft-helper 1"
#define MAX_REQUEST (10u * 1024u * 1024u) /* bytes of body, header included */
#define REQUEST_HEADER 16u
#define OPT_DRY_RUN 1u
#define RC_REFUSED (-2)
#define EXIT_CONFIG 78 /* sysexits.h EX_CONFIG */
#define EXIT_OS 71     /* EX_OSERR */

static int in_fd = -1;  /* frames from the JVM */
static int out_fd = -1; /* frames to the JVM */

static void die(int code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("jnft-helper: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(code);
}

/* 1. Only the owner and its group may run a binary that keeps CAP_NET_ADMIN. */
static void check_own_mode(void) {
  struct stat st;
  if (stat("/proc/self/exe", &st) != 0) {
    die(EXIT_OS, "cannot stat /proc/self/exe: %s", strerror(errno));
  }
  if (st.st_mode & S_IRWXO) {
    char path[4096];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    path[n > 0 ? n : 0] = '\0';
    die(EXIT_CONFIG,
        "refusing to run: %s grants permissions to other users (mode %04o); a helper that keeps "
        "CAP_NET_ADMIN must only be executable by its owner and group. Fix: chmod o-rwx %s",
        path, (unsigned)(st.st_mode & 07777), path);
  }
}

/* 2. Enter the network namespace before the context exists: its socket is bound at creation. */
static void enter_netns(const char *path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    die(EXIT_OS, "cannot open network namespace %s: %s", path, strerror(errno));
  }
  if (setns(fd, CLONE_NEWNET) != 0) {
    die(EXIT_OS, "cannot enter network namespace %s: %s%s", path, strerror(errno),
        errno == EPERM ? " (setns needs CAP_SYS_ADMIN)" : "");
  }
  close(fd);
}

static int capget_raw(struct __user_cap_data_struct data[2]) {
  struct __user_cap_header_struct hdr = {_LINUX_CAPABILITY_VERSION_3, 0};
  return (int)syscall(SYS_capget, &hdr, data);
}

static int capset_raw(struct __user_cap_data_struct data[2]) {
  struct __user_cap_header_struct hdr = {_LINUX_CAPABILITY_VERSION_3, 0};
  return (int)syscall(SYS_capset, &hdr, data);
}

/* 3. Keep CAP_NET_ADMIN only; syscalls directly, so that libcap is not needed. */
static void drop_privileges(void) {
  const uint32_t keep = 1u << CAP_NET_ADMIN; /* bit 12: in the first 32-bit word */
  struct __user_cap_data_struct caps[2];
  memset(caps, 0, sizeof caps);
  if (capget_raw(caps) != 0) {
    die(EXIT_OS, "capget failed: %s", strerror(errno));
  }
  int have_setpcap = (caps[0].effective >> CAP_SETPCAP) & 1;
  /* Bounding set first: dropping from it needs CAP_SETPCAP, which goes away below. */
  for (int cap = 0; cap < 64; cap++) {
    if (cap == CAP_NET_ADMIN) {
      continue;
    }
    if (prctl(PR_CAPBSET_READ, cap, 0, 0, 0) < 0) {
      break; /* EINVAL: past the last capability this kernel knows */
    }
    if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 && have_setpcap) {
      die(EXIT_OS, "cannot drop capability %d from the bounding set: %s", cap, strerror(errno));
    }
    /* Without CAP_SETPCAP (file capabilities, not root) the bounding set cannot shrink; harmless
       here because no_new_privs is set and this process never executes anything. */
  }
  if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL) {
    die(EXIT_OS, "cannot clear the ambient capabilities: %s", strerror(errno));
  }
  struct __user_cap_data_struct want[2];
  memset(want, 0, sizeof want);
  want[0].permitted = caps[0].permitted & keep;
  want[0].effective = want[0].permitted;
  want[0].inheritable = 0;
  if (capset_raw(want) != 0) {
    die(EXIT_OS, "capset failed: %s", strerror(errno));
  }
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
    die(EXIT_OS, "cannot set no_new_privs: %s", strerror(errno));
  }
  if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
    die(EXIT_OS, "cannot make the process non-dumpable: %s", strerror(errno));
  }
  memset(caps, 0, sizeof caps);
  if (capget_raw(caps) != 0 || (caps[0].effective & ~keep) != 0 || (caps[0].permitted & ~keep) != 0
      || caps[1].effective != 0 || caps[1].permitted != 0 || caps[0].inheritable != 0
      || caps[1].inheritable != 0) {
    die(EXIT_OS, "capabilities other than CAP_NET_ADMIN are still present");
  }
  if (!(caps[0].effective & keep)) {
    fprintf(stderr, "jnft-helper: warning: CAP_NET_ADMIN is not available; the kernel will refuse "
                    "changes (run as root or `setcap cap_net_admin+ep` the helper)\n");
  }
}

/* ---------------------------------------------------------------- framing */

static int read_full(int fd, void *buf, size_t n) { /* 1 ok, 0 clean EOF at start, -1 error */
  size_t done = 0;
  while (done < n) {
    ssize_t r = read(fd, (char *)buf + done, n - done);
    if (r == 0) {
      return done == 0 ? 0 : -1;
    }
    if (r < 0) {
      if (errno == EINTR) {
        continue;
      }
      return -1;
    }
    done += (size_t)r;
  }
  return 1;
}

static void write_full(int fd, const void *buf, size_t n) {
  size_t done = 0;
  while (done < n) {
    ssize_t w = write(fd, (const char *)buf + done, n - done);
    if (w < 0) {
      if (errno == EINTR) {
        continue;
      }
      exit(errno == EPIPE ? 0 : EXIT_OS); /* the JVM went away: nothing left to answer */
    }
    done += (size_t)w;
  }
}

static void put_u32(unsigned char *p, uint32_t v) {
  p[0] = (unsigned char)(v >> 24);
  p[1] = (unsigned char)(v >> 16);
  p[2] = (unsigned char)(v >> 8);
  p[3] = (unsigned char)v;
}

static uint32_t get_u32(const unsigned char *p) {
  return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static void respond(const unsigned char id[8], int32_t rc, const char *out, const char *err) {
  size_t out_len = strlen(out), err_len = strlen(err);
  unsigned char head[4 + 8 + 4 + 4];
  put_u32(head, (uint32_t)(8 + 4 + 4 + out_len + err_len));
  memcpy(head + 4, id, 8);
  put_u32(head + 12, (uint32_t)rc);
  put_u32(head + 16, (uint32_t)out_len);
  write_full(out_fd, head, sizeof head);
  write_full(out_fd, out, out_len);
  write_full(out_fd, err, err_len);
}

static void discard(uint64_t n) {
  char buf[65536];
  while (n > 0) {
    size_t chunk = n < sizeof buf ? (size_t)n : sizeof buf;
    if (read_full(in_fd, buf, chunk) != 1) {
      exit(0); /* input ended in the middle of a frame: the JVM is gone */
    }
    n -= chunk;
  }
}

/* One request: read, run, answer. Returns 0 when the input has ended. */
static int serve_one(struct nft_ctx *ctx) {
  unsigned char len_be[4];
  int r = read_full(in_fd, len_be, 4);
  if (r == 0) {
    return 0;
  }
  if (r < 0) {
    exit(0);
  }
  uint32_t len = get_u32(len_be);
  unsigned char head[REQUEST_HEADER];
  static const unsigned char no_id[8] = {0};
  if (len < REQUEST_HEADER) {
    discard(len);
    respond(no_id, RC_REFUSED, "", "jnft-helper: malformed request (shorter than its header)");
    return 1;
  }
  if (read_full(in_fd, head, REQUEST_HEADER) != 1) {
    exit(0);
  }
  uint32_t flags = get_u32(head + 8);
  uint32_t options = get_u32(head + 12);
  uint32_t cmd_len = len - REQUEST_HEADER;
  if (len > MAX_REQUEST) {
    discard(cmd_len);
    char msg[160];
    snprintf(msg, sizeof msg, "jnft-helper: request of %u bytes refused: the limit is %u bytes",
             len, MAX_REQUEST);
    respond(head, RC_REFUSED, "", msg);
    return 1;
  }
  char *cmd = malloc((size_t)cmd_len + 1);
  if (cmd == NULL) {
    discard(cmd_len);
    respond(head, RC_REFUSED, "", "jnft-helper: out of memory");
    return 1;
  }
  if (cmd_len > 0 && read_full(in_fd, cmd, cmd_len) != 1) {
    exit(0);
  }
  cmd[cmd_len] = '\0';
  if (memchr(cmd, '\0', cmd_len) != NULL) {
    free(cmd);
    respond(head, RC_REFUSED, "", "jnft-helper: request contains a NUL byte");
    return 1;
  }
  nft_ctx_output_set_flags(ctx, flags);
  nft_ctx_set_dry_run(ctx, (options & OPT_DRY_RUN) != 0);
  int rc = nft_run_cmd_from_buffer(ctx, cmd);
  free(cmd);
  /* The buffers belong to the context and are rewound by these calls: copy them out now. */
  const char *out = nft_ctx_get_output_buffer(ctx);
  char *out_copy = strdup(out ? out : "");
  const char *err = nft_ctx_get_error_buffer(ctx);
  respond(head, rc == 0 ? 0 : -1, out_copy ? out_copy : "", err ? err : "");
  free(out_copy);
  return 1;
}

int main(int argc, char **argv) {
  const char *netns = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--netns") == 0 && i + 1 < argc) {
      netns = argv[++i];
    } else {
      die(64, "usage: jnft-helper [--netns PATH]"); /* EX_USAGE */
    }
  }
  check_own_mode();
  if (netns != NULL) {
    enter_netns(netns);
  }
  drop_privileges();

  /* Keep the frame channels apart from what libnftables might print: stdout is redirected to
     stderr, stdin to /dev/null, and the frames use private copies of the descriptors. */
  in_fd = fcntl(0, F_DUPFD_CLOEXEC, 3);
  out_fd = fcntl(1, F_DUPFD_CLOEXEC, 3);
  int devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (in_fd < 0 || out_fd < 0 || devnull < 0 || dup2(devnull, 0) < 0 || dup2(2, 1) < 0) {
    die(EXIT_OS, "cannot set up the frame channels: %s", strerror(errno));
  }
  close(devnull);
  signal(SIGPIPE, SIG_IGN);

  struct nft_ctx *ctx = nft_ctx_new(NFT_CTX_DEFAULT); /* 0: else 1.0.6 opens no netlink socket */
  if (ctx == NULL) {
    die(EXIT_OS, "nft_ctx_new failed");
  }
  if (nft_ctx_buffer_output(ctx) != 0 || nft_ctx_buffer_error(ctx) != 0) {
    die(EXIT_OS, "cannot buffer libnftables output");
  }
  static const unsigned char greeting_id[8] = {0};
  respond(greeting_id, 0, PROTOCOL_GREETING, "");
  while (serve_one(ctx)) {
  }
  nft_ctx_free(ctx);
  return 0;
}
