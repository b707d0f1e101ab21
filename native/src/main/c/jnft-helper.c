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
 *   request  = u64 id, u32 output_flags (NFT_CTX_OUTPUT_*), u32 options, body
 *              options: bit 0 dry run (RUN only); bits 24-31 the operation (0 = RUN)
 *   response = u64 id, i32 rc (0 ok, -1 nft error, -2 refused by the helper, -3 a system call
 *              failed: output is "ERRNO" or "ERRNO readonly" for sysctls, "ERRNO CALL" for
 *              NETLINK), u32 output length, output bytes, error bytes (the rest)
 * Operations (bodies; no NUL anywhere except inside binary fields and NETLINK's body):
 *   0 RUN             nft text or libnftables JSON (with the JSON output flag)
 *   1 SYSCTL_READ     a path below /proc/sys, e.g. "net/ipv4/ip_forward"; output: the value
 *                     without its trailing newline
 *   2 SYSCTL_WRITE    path LF value (value: -?[0-9]{1,10} optionally TAB [0-9]{1,5})
 *   3 SYSCTL_LIST     "ipv4" or "ipv6"; output: the interfaces under net/<v>/conf, LF-separated
 *   4 COMMIT_ARM      u64 commit id, u32 timeout ms, u32 rollback output flags, u32 apply length,
 *                     apply document, rollback document. Runs `apply` (with the request's output
 *                     flags); only if that succeeds, keeps `rollback` and arms the timer. One
 *                     commit at a time: refused while another is armed.
 *   5 COMMIT_CONFIRM  u64 commit id: disarms; refused (rc -2, output the state) if it is no
 *                     longer armed
 *   6 COMMIT_ROLLBACK u64 commit id: runs the rollback now
 *   7 COMMIT_STATUS   u64 commit id; output: armed | confirmed | rolled-back:CAUSE |
 *                     rollback-failed:CAUSE (CAUSE: deadline, request), error: nft's message
 *   8 NETLINK         raw nf_tables netlink messages back to back (headers in host byte order),
 *                     relayed to the kernel in ONE sendmsg on the helper's NETLINK_NETFILTER
 *                     socket (opened on first use; NETLINK_CAP_ACK, NETLINK_EXT_ACK). Output
 *                     (rc 0): the kernel's answers back to back, exact bytes; kernel errors are
 *                     NLMSG_ERROR messages in it, not helper errors. Answers are read until every
 *                     message with NLM_F_ACK has its NLMSG_ERROR and the table dump its
 *                     NLMSG_DONE, or an NLMSG_ERROR answers one without either (a refused batch
 *                     begin), waiting with poll() at most 5 s; then
 *                     what is still queued is read without waiting. Answers whose sequence
 *                     number is none of the request's are dropped. rc -3: output "ERRNO CALL",
 *                     CALL one of socket, setsockopt, sendmsg (nothing reached the kernel), poll,
 *                     recv (the messages were sent). Refused (rc -2, nothing sent) unless the body
 *                     is well-formed (each nlmsg_len >= 20, NLMSG_ALIGNed back to back, ending at
 *                     the end of the body, NLM_F_REQUEST on each) and is either
 *                       - ONE batch: BATCH_BEGIN, one or more NEWSETELEM/DELSETELEM, BATCH_END
 *                         (begin and end with res_id nf_tables and without NLM_F_ACK), or
 *                       - one or more lookups: GETSET, GETGEN, without NLM_F_DUMP bits, or
 *                         GETTABLE as a dump (names and flags of every table: the JVM checks them
 *                         before libnftables lists tables as JSON, see below).
 *                     Set elements only: this door does not change tables, chains, rules, sets
 *                     or objects. It exists because libnftables 1.0.6 rebuilds its whole cache on
 *                     every command (~100 µs for one element); a direct exchange costs a few µs.
 * Sysctl paths are checked against this helper's own copy of the whitelist
 * (jnft-sysctl-whitelist.h, generated from the Java whitelist and compared with it by a test),
 * whatever the JVM sent, and opened one component at a time with O_NOFOLLOW below /proc/sys/net.
 * The helper is in its client's network namespace, so it sees that namespace's /proc/sys/net.
 *
 * The rollback timer runs here, not in the JVM, so that it fires if the JVM dies or hangs: the
 * helper waits for input with ppoll() bounded by the deadline and runs the rollback itself when
 * it passes. When its input ends (the JVM exited, crashed or closed the client) or it gets
 * SIGTERM, SIGINT or SIGHUP while a commit is armed, it rolls back at once and then exits:
 * nobody is left who could confirm, so waiting for the deadline would only keep an unconfirmed
 * ruleset in place longer. Only SIGKILL (or a crash of the helper) loses the timer.
 *
 * The first frame the helper writes is a greeting: id 0, rc 0, output "jnft-helper 3".
 * Requests are answered in order. A request over 10 MiB is answered with rc -2 and skipped;
 * the helper goes on. End of input ends the helper (exit 0).
 *
 * Start-up, in this order (each step needs what the previous one still had):
 *   1. refuse to run if the executable grants any permission to "other" (exit 78);
 *   2. enter the network namespace PATH, if given (setns needs CAP_SYS_ADMIN);
 *   3. drop every capability but CAP_NET_ADMIN from the bounding, inheritable, permitted,
 *      effective and ambient sets; set no_new_privs; make the process not dumpable;
 *   4. create the libnftables context (its netlink socket is bound to the namespace now).
 * It never executes anything (no shell, no exec). The NETLINK operation's socket is opened later,
 * on first use, with only CAP_NET_ADMIN left (all that nf_tables changes need); it belongs to the
 * namespace the helper is in by then.
 *
 * Writing /proc/sys/net needs no capability but CAP_NET_ADMIN: the kernel checks net sysctls
 * with its own permission hook (net_ctl_permissions: the owner's mode bits for a process that
 * has CAP_NET_ADMIN over the namespace, or is its root uid), not with the generic DAC check, so
 * CAP_DAC_OVERRIDE plays no part (measured: see docs/sysctl.md).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <linux/capability.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netlink.h>
#include <nftables/libnftables.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "jnft-sysctl-whitelist.h"

#define PROTOCOL_GREETING "jnft-helper 3"
#define MAX_REQUEST (10u * 1024u * 1024u) /* bytes of body, header included */
#define REQUEST_HEADER 16u
#define OPT_DRY_RUN 1u
#define OP_SHIFT 24
#define OP_RUN 0u
#define OP_SYSCTL_READ 1u
#define OP_SYSCTL_WRITE 2u
#define OP_SYSCTL_LIST 3u
#define OP_COMMIT_ARM 4u
#define OP_COMMIT_CONFIRM 5u
#define OP_COMMIT_ROLLBACK 6u
#define OP_COMMIT_STATUS 7u
#define OP_NETLINK 8u
#define RC_NFT_ERROR (-1)
#define RC_REFUSED (-2)
#define RC_ERRNO (-3)
#define EXIT_CONFIG 78 /* sysexits.h EX_CONFIG */
#define EXIT_OS 71     /* EX_OSERR */

static int in_fd = -1;  /* frames from the JVM */
static int out_fd = -1; /* frames to the JVM */
static struct nft_ctx *ctx;
static sigset_t wait_mask;          /* the signal mask while waiting: termination signals let in */
static volatile sig_atomic_t terminating; /* the termination signal received, 0 if none */

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

/* ---------------------------------------------------------------- commit-confirmed state */

enum commit_state { COMMIT_NONE, COMMIT_ARMED, COMMIT_CONFIRMED, COMMIT_ROLLED_BACK, COMMIT_FAILED };

static struct {
  enum commit_state state;
  uint64_t id;
  int64_t deadline_ms;      /* CLOCK_MONOTONIC */
  uint32_t rollback_flags;
  char *rollback;           /* while armed */
  const char *cause;        /* what ran the rollback: "deadline", "request", "end-of-input", "signal" */
  char *error;              /* nft's message when the rollback failed */
} commit;

static int64_t now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* How long wait_fd polls without sleeping before it blocks: the next request usually follows the
   last answer at once, and waking a sleeping process on an idle VM costs ~80 µs, as much as the
   libnftables call itself (see Handoff.java on the Java side). */
#define SPIN_NS 100000

/* Runs the armed commit's rollback (the timer fired, the JVM asked, or the JVM is gone). */
static void fire_rollback(const char *cause) {
  if (commit.state != COMMIT_ARMED) {
    return;
  }
  nft_ctx_output_set_flags(ctx, commit.rollback_flags);
  nft_ctx_set_dry_run(ctx, false);
  int rc = nft_run_cmd_from_buffer(ctx, commit.rollback);
  const char *err = nft_ctx_get_error_buffer(ctx);
  nft_ctx_get_output_buffer(ctx); /* rewind it: its text belongs to nobody */
  free(commit.rollback);
  commit.rollback = NULL;
  commit.cause = cause;
  free(commit.error);
  commit.error = NULL;
  if (rc == 0) {
    commit.state = COMMIT_ROLLED_BACK;
    fprintf(stderr, "jnft-helper: commit %" PRIu64 " was not confirmed; rolled back (%s)\n",
            commit.id, cause);
  } else {
    commit.state = COMMIT_FAILED;
    commit.error = strdup(err ? err : "");
    fprintf(stderr, "jnft-helper: commit %" PRIu64 " was not confirmed; its rollback (%s) FAILED: %s\n",
            commit.id, cause, err ? err : "");
  }
}

/* Every way out once the loop runs: an armed commit is rolled back first (see the top comment). */
static void finish(int code, const char *cause) {
  fire_rollback(cause);
  if (ctx != NULL) {
    nft_ctx_free(ctx);
  }
  exit(code);
}

static void on_termination_signal(int sig) {
  terminating = sig;
}

/* ---------------------------------------------------------------- framing */

/*
 * Waits until `fd` is ready for `events`. While a commit is armed, the wait is bounded by its
 * deadline, and the rollback runs when it passes (also in the middle of a frame: the JVM may be
 * stopped half-way). Termination signals are let in only here (ppoll's mask), so they never
 * interrupt libnftables.
 */
static void wait_fd(int fd, short events) {
  int64_t spin_until = now_ns() + SPIN_NS;
  for (;;) {
    if (terminating) {
      finish(128 + terminating, "signal");
    }
    struct timespec ts, *timeout = NULL;
    if (commit.state == COMMIT_ARMED) {
      int64_t left = commit.deadline_ms - now_ms();
      if (left <= 0) {
        fire_rollback("deadline");
        continue;
      }
      ts.tv_sec = left / 1000;
      ts.tv_nsec = (left % 1000) * 1000000;
      timeout = &ts;
    }
    struct pollfd p = {fd, events, 0};
    struct timespec zero = {0, 0};
    int spinning = now_ns() < spin_until;
    int r = ppoll(&p, 1, spinning ? &zero : timeout, &wait_mask);
    if (r == 0 && spinning) {
      continue;
    }
    if (r < 0 && errno != EINTR) {
      finish(EXIT_OS, "end-of-input");
    }
    if (r > 0) {
      return; /* ready, or POLLHUP/POLLERR: the read or write says which */
    }
  }
}


/* Waits for the next request by trying read() itself for SPIN_NS (then in wait_fd): a request
   that arrives while spinning is taken by the same system call that notices it. Signals are
   blocked outside ppoll, so a zero-timeout ppoll every 64 tries lets a pending one run; an armed
   commit's deadline is checked on every try. */
static ssize_t read_spinning(void *buf, size_t n) {
  int64_t until = now_ns() + SPIN_NS;
  for (unsigned tries = 1;; tries++) {
    ssize_t r = read(in_fd, buf, n);
    if (r >= 0 || (errno != EAGAIN && errno != EINTR)) {
      return r;
    }
    if (terminating) {
      finish(128 + terminating, "signal");
    }
    if (commit.state == COMMIT_ARMED && now_ms() >= commit.deadline_ms) {
      fire_rollback("deadline");
    }
    if (now_ns() >= until) {
      wait_fd(in_fd, POLLIN); /* spins with ppoll, then sleeps until input, a signal or the deadline */
      until = now_ns() + SPIN_NS;
    } else if ((tries & 63) == 0) {
      struct timespec zero = {0, 0};
      ppoll(NULL, 0, &zero, &wait_mask);
    }
  }
}

/* The JVM's frames, read through a buffer: a request's length, header and body usually arrive in
   one piece, and one read() takes them all. */
static unsigned char in_buf[65536];
static size_t in_pos, in_len;

/* Reads n bytes of frames: 1 ok, 0 clean EOF before any byte, -1 error. With `first` (the start
   of a frame) and nothing buffered, waits in ppoll, where signals and an armed commit's deadline
   are handled; otherwise waits only when the pipe is empty. */
static int read_in(void *dst, size_t n, int first) {
  size_t done = 0;
  int wait = first && in_pos == in_len;
  if (first && !wait && commit.state == COMMIT_ARMED && now_ms() >= commit.deadline_ms) {
    fire_rollback("deadline"); /* requests are queued: no ppoll, so check the deadline here */
  }
  while (done < n) {
    if (in_pos < in_len) {
      size_t k = in_len - in_pos < n - done ? in_len - in_pos : n - done;
      memcpy((char *)dst + done, in_buf + in_pos, k);
      in_pos += k;
      done += k;
      continue;
    }
    in_pos = in_len = 0;
    size_t want = n - done;
    int direct = want >= sizeof in_buf; /* a big body goes straight to its buffer */
    void *to = direct ? (char *)dst + done : (void *)in_buf;
    size_t room = direct ? want : sizeof in_buf;
    ssize_t r = wait ? read_spinning(to, room) : read(in_fd, to, room);
    if (r == 0) {
      return done == 0 ? 0 : -1;
    }
    if (r < 0) {
      wait = 1;
      if (errno == EINTR || errno == EAGAIN) {
        continue;
      }
      return -1;
    }
    if (direct) {
      done += (size_t)r;
    } else {
      in_len = (size_t)r;
    }
  }
  return 1;
}

static void write_full(int fd, const void *buf, size_t n) {
  size_t done = 0;
  int wait = 0; /* the pipe usually has room: wait only when a write could not go */
  while (done < n) {
    if (wait) {
      wait_fd(fd, POLLOUT);
    }
    ssize_t w = write(fd, (const char *)buf + done, n - done);
    if (w < 0) {
      wait = 1;
      if (errno == EINTR || errno == EAGAIN) {
        continue;
      }
      finish(errno == EPIPE ? 0 : EXIT_OS, "end-of-input"); /* the JVM went away */
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

static uint64_t get_u64(const unsigned char *p) {
  return ((uint64_t)get_u32(p) << 32) | get_u32(p + 4);
}

/* `out` and `err` must not point into libnftables' buffers: a rollback may run while writing.
   The output is binary-safe (`out_len` bytes, NULs included); the error is text. */
static void respond_bytes(const unsigned char id[8], int32_t rc, const void *out, size_t out_len,
                          const char *err) {
  size_t err_len = strlen(err);
  unsigned char head[4 + 8 + 4 + 4];
  put_u32(head, (uint32_t)(8 + 4 + 4 + out_len + err_len));
  memcpy(head + 4, id, 8);
  put_u32(head + 12, (uint32_t)rc);
  put_u32(head + 16, (uint32_t)out_len);
  size_t total = sizeof head + out_len + err_len;
  unsigned char *frame = total <= 65536 ? malloc(total) : NULL;
  if (frame != NULL) { /* one write: the JVM side sees the whole frame at once */
    memcpy(frame, head, sizeof head);
    memcpy(frame + sizeof head, out, out_len);
    memcpy(frame + sizeof head + out_len, err, err_len);
    write_full(out_fd, frame, total);
    free(frame);
    return;
  }
  write_full(out_fd, head, sizeof head);
  write_full(out_fd, out, out_len);
  write_full(out_fd, err, err_len);
}

static void respond(const unsigned char id[8], int32_t rc, const char *out, const char *err) {
  respond_bytes(id, rc, out, strlen(out), err);
}

static void respond_refused(const unsigned char id[8], const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  respond(id, RC_REFUSED, "", msg);
}

static void respond_errno(const unsigned char id[8], int err, int readonly, const char *what,
                          const char *path) {
  char out[32], msg[512];
  snprintf(out, sizeof out, "%d%s", err, readonly ? " readonly" : "");
  snprintf(msg, sizeof msg, "jnft-helper: %s /proc/sys/%s: %s", what, path, strerror(err));
  respond(id, RC_ERRNO, out, msg);
}

static void discard(uint64_t n) {
  char buf[65536];
  while (n > 0) {
    size_t chunk = n < sizeof buf ? (size_t)n : sizeof buf;
    if (read_in(buf, chunk, 0) != 1) {
      finish(0, "end-of-input"); /* input ended in the middle of a frame: the JVM is gone */
    }
    n -= chunk;
  }
}

/* ---------------------------------------------------------------- nft */

static void run_nft(const unsigned char id[8], uint32_t flags, int dry_run, const char *cmd) {
  nft_ctx_output_set_flags(ctx, flags);
  nft_ctx_set_dry_run(ctx, dry_run);
  int rc = nft_run_cmd_from_buffer(ctx, cmd);
  /* The buffers belong to the context and are rewound by these calls: copy them out now. */
  const char *out = nft_ctx_get_output_buffer(ctx);
  char *out_copy = strdup(out ? out : "");
  const char *err = nft_ctx_get_error_buffer(ctx);
  char *err_copy = strdup(err ? err : "");
  respond(id, rc == 0 ? 0 : RC_NFT_ERROR, out_copy ? out_copy : "", err_copy ? err_copy : "");
  free(out_copy);
  free(err_copy);
}

/* ---------------------------------------------------------------- sysctl */

/* An interface name as the Java whitelist accepts it: 1-15 printable ASCII bytes, no '/' ':'. */
static int valid_ifname(const char *s, size_t n) {
  if (n == 0 || n > 15 || (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.')) {
    return 0;
  }
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c <= ' ' || c > '~' || c == '/' || c == ':') {
      return 0;
    }
  }
  return 1;
}

/* NULL if `path` (below /proc/sys) is whitelisted, else why not. Never trusts the JVM. */
static const char *sysctl_path_problem(const char *path) {
  size_t n = strlen(path);
  if (n == 0 || n > 200) {
    return "the path is empty or too long";
  }
  if (strncmp(path, "net/", 4) != 0) {
    return "only network parameters (net/...) can be read or written";
  }
  const char *rel = path + 4;
  for (int i = 0; JNFT_SYSCTL_PATHS[i] != NULL; i++) {
    if (strcmp(rel, JNFT_SYSCTL_PATHS[i]) == 0) {
      return NULL;
    }
  }
  size_t rn = strlen(rel);
  for (int i = 0; JNFT_SYSCTL_TEMPLATES[i].prefix != NULL; i++) {
    const char *pre = JNFT_SYSCTL_TEMPLATES[i].prefix, *suf = JNFT_SYSCTL_TEMPLATES[i].suffix;
    size_t pn = strlen(pre), sn = strlen(suf);
    if (rn > pn + sn && strncmp(rel, pre, pn) == 0 && strcmp(rel + rn - sn, suf) == 0
        && valid_ifname(rel + pn, rn - pn - sn)) {
      return NULL;
    }
  }
  return "not in the helper's sysctl whitelist";
}

/* A value as the Java types write it: -?[0-9]{1,10}, optionally TAB [0-9]{1,5}. */
static int valid_sysctl_value(const char *v) {
  size_t i = 0, digits = 0;
  if (v[i] == '-') {
    i++;
  }
  while (v[i] >= '0' && v[i] <= '9' && digits <= 10) {
    i++;
    digits++;
  }
  if (digits == 0 || digits > 10) {
    return 0;
  }
  if (v[i] == '\0') {
    return 1;
  }
  if (v[i++] != '\t') {
    return 0;
  }
  digits = 0;
  while (v[i] >= '0' && v[i] <= '9' && digits <= 5) {
    i++;
    digits++;
  }
  return digits >= 1 && digits <= 5 && v[i] == '\0';
}

/*
 * Opens /proc/sys/PATH one component at a time, each with O_NOFOLLOW, so that no symbolic link
 * and no ".." can lead outside /proc/sys/net (the whitelist admits neither anyway). For a
 * directory, pass O_DIRECTORY in `flags`. On failure returns -1 with errno set; *dir_out (if
 * given) keeps the descriptor of the last directory for fstatat.
 */
static int open_beneath(const char *path, int flags, int *dir_out) {
  char buf[256];
  if (strlen(path) >= sizeof buf) {
    errno = ENAMETOOLONG;
    return -1;
  }
  strcpy(buf, path);
  int dir = open("/proc/sys", O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (dir < 0) {
    return -1;
  }
  char *seg = buf;
  for (;;) {
    char *slash = strchr(seg, '/');
    if (slash == NULL) {
      int fd = openat(dir, seg, flags | O_NOFOLLOW | O_CLOEXEC);
      int saved = errno;
      if (dir_out != NULL && fd < 0) {
        *dir_out = dir;
      } else {
        close(dir);
      }
      errno = saved;
      return fd;
    }
    *slash = '\0';
    int next = openat(dir, seg, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    int saved = errno;
    close(dir);
    if (next < 0) {
      errno = saved;
      return -1;
    }
    dir = next;
    seg = slash + 1;
  }
}

static void sysctl_read(const unsigned char id[8], const char *path) {
  const char *problem = sysctl_path_problem(path);
  if (problem != NULL) {
    respond_refused(id, "jnft-helper: sysctl read of \"%.200s\" refused: %s", path, problem);
    return;
  }
  int fd = open_beneath(path, O_RDONLY, NULL);
  if (fd < 0) {
    respond_errno(id, errno, 0, "cannot open", path);
    return;
  }
  char value[4097];
  ssize_t n; /* one read from offset 0: a sysctl file answers a later offset with end of file */
  do {
    n = read(fd, value, sizeof value - 1);
  } while (n < 0 && errno == EINTR);
  int saved = errno;
  close(fd);
  if (n < 0) {
    respond_errno(id, saved, 0, "cannot read", path);
    return;
  }
  value[n] = '\0';
  if (n > 0 && value[n - 1] == '\n') {
    value[n - 1] = '\0';
  }
  respond(id, 0, value, "");
}

static void sysctl_write(const unsigned char id[8], char *body) {
  char *lf = strchr(body, '\n');
  if (lf == NULL) {
    respond_refused(id, "jnft-helper: sysctl write refused: expected PATH LF VALUE");
    return;
  }
  *lf = '\0';
  const char *path = body, *value = lf + 1;
  const char *problem = sysctl_path_problem(path);
  if (problem != NULL) {
    respond_refused(id, "jnft-helper: sysctl write of \"%.200s\" refused: %s", path, problem);
    return;
  }
  if (strlen(value) > 32 || !valid_sysctl_value(value)) {
    respond_refused(id, "jnft-helper: sysctl write of %s refused: the value is not a number (or"
                        " two separated by a tab) of at most 10 digits", path);
    return;
  }
  int dir = -1;
  int fd = open_beneath(path, O_WRONLY, &dir);
  if (fd < 0) {
    int err = errno, readonly = 0;
    struct stat st;
    if (err == EACCES && dir >= 0 && fstatat(dir, strrchr(path, '/') + 1, &st, AT_SYMLINK_NOFOLLOW) == 0) {
      readonly = (st.st_mode & 0222) == 0; /* read-only in this namespace, not a missing right */
    }
    if (dir >= 0) {
      close(dir);
    }
    respond_errno(id, err, readonly, "cannot open for writing", path);
    return;
  }
  char line[40];
  size_t len = (size_t)snprintf(line, sizeof line, "%s\n", value);
  ssize_t w;
  do {
    w = write(fd, line, len); /* in one write: the kernel parses each write on its own */
  } while (w < 0 && errno == EINTR);
  int saved = errno;
  close(fd);
  if (w < 0) {
    respond_errno(id, saved, 0, "cannot write", path);
  } else if ((size_t)w != len) {
    respond_refused(id, "jnft-helper: the kernel took %zd of %zu bytes of %s", w, len, path);
  } else {
    respond(id, 0, "", "");
  }
}

static void sysctl_list(const unsigned char id[8], const char *version) {
  const char *path;
  if (strcmp(version, "ipv4") == 0) {
    path = "net/ipv4/conf";
  } else if (strcmp(version, "ipv6") == 0) {
    path = "net/ipv6/conf";
  } else {
    respond_refused(id, "jnft-helper: sysctl list refused: expected ipv4 or ipv6");
    return;
  }
  int fd = open_beneath(path, O_RDONLY | O_DIRECTORY, NULL);
  if (fd < 0) {
    if (errno == ENOENT) {
      respond(id, 0, "", ""); /* the protocol is disabled: no interfaces */
    } else {
      respond_errno(id, errno, 0, "cannot open", path);
    }
    return;
  }
  DIR *d = fdopendir(fd);
  if (d == NULL) {
    int saved = errno;
    close(fd);
    respond_errno(id, saved, 0, "cannot list", path);
    return;
  }
  size_t cap = 1024, len = 0;
  char *out = malloc(cap);
  struct dirent *e;
  while (out != NULL && (e = readdir(d)) != NULL) {
    size_t n = strlen(e->d_name);
    if (strcmp(e->d_name, "all") == 0 || strcmp(e->d_name, "default") == 0
        || !valid_ifname(e->d_name, n)) {
      continue; /* also "." and ".." */
    }
    if (len + n + 2 > cap) {
      cap = (cap + n) * 2;
      char *bigger = realloc(out, cap);
      if (bigger == NULL) {
        free(out);
        out = NULL;
        break;
      }
      out = bigger;
    }
    memcpy(out + len, e->d_name, n);
    len += n;
    out[len++] = '\n';
  }
  closedir(d);
  if (out == NULL) {
    respond_refused(id, "jnft-helper: out of memory");
    return;
  }
  if (len > 0) {
    len--; /* no trailing LF */
  }
  out[len] = '\0';
  respond(id, 0, out, "");
  free(out);
}

/* ---------------------------------------------------------------- commit-confirmed */

static const char *commit_state_word(void) {
  switch (commit.state) {
    case COMMIT_ARMED: return "armed";
    case COMMIT_CONFIRMED: return "confirmed";
    case COMMIT_ROLLED_BACK: return "rolled-back";
    case COMMIT_FAILED: return "rollback-failed";
    default: return "none";
  }
}

/* The state as the status answer spells it: "rolled-back:deadline". */
static void commit_state_text(char *buf, size_t n) {
  if (commit.state == COMMIT_ROLLED_BACK || commit.state == COMMIT_FAILED) {
    snprintf(buf, n, "%s:%s", commit_state_word(), commit.cause);
  } else {
    snprintf(buf, n, "%s", commit_state_word());
  }
}

static void commit_arm(const unsigned char id[8], uint32_t flags, const unsigned char *body,
                       uint32_t len) {
  if (len < 20) {
    respond_refused(id, "jnft-helper: malformed commit request");
    return;
  }
  uint64_t commit_id = get_u64(body);
  uint32_t timeout_ms = get_u32(body + 8);
  uint32_t rollback_flags = get_u32(body + 12);
  uint32_t apply_len = get_u32(body + 16);
  if (apply_len > len - 20) {
    respond_refused(id, "jnft-helper: malformed commit request (apply length)");
    return;
  }
  const char *apply_src = (const char *)body + 20;
  const char *rollback_src = apply_src + apply_len;
  size_t rollback_len = len - 20 - apply_len;
  if (memchr(apply_src, '\0', apply_len) != NULL || memchr(rollback_src, '\0', rollback_len) != NULL) {
    respond_refused(id, "jnft-helper: commit request contains a NUL byte");
    return;
  }
  if (rollback_len == 0) {
    respond_refused(id, "jnft-helper: a commit needs a rollback document");
    return;
  }
  if (commit.state == COMMIT_ARMED) {
    respond_refused(id, "jnft-helper: commit %" PRIu64 " is still pending (confirm it or roll it"
                        " back first); one commit at a time", commit.id);
    return;
  }
  char *apply = strndup(apply_src, apply_len);
  char *rollback = strndup(rollback_src, rollback_len);
  if (apply == NULL || rollback == NULL) {
    free(apply);
    free(rollback);
    respond_refused(id, "jnft-helper: out of memory");
    return;
  }
  nft_ctx_output_set_flags(ctx, flags);
  nft_ctx_set_dry_run(ctx, false);
  int rc = nft_run_cmd_from_buffer(ctx, apply);
  free(apply);
  const char *out = nft_ctx_get_output_buffer(ctx);
  char *out_copy = strdup(out ? out : "");
  const char *err = nft_ctx_get_error_buffer(ctx);
  char *err_copy = strdup(err ? err : "");
  if (rc == 0) { /* armed only once applied: a failed apply changed nothing to roll back */
    free(commit.error);
    commit.error = NULL;
    commit.state = COMMIT_ARMED;
    commit.id = commit_id;
    commit.deadline_ms = now_ms() + timeout_ms;
    commit.rollback_flags = rollback_flags;
    commit.rollback = rollback;
    commit.cause = NULL;
  } else {
    free(rollback);
  }
  respond(id, rc == 0 ? 0 : RC_NFT_ERROR, out_copy ? out_copy : "", err_copy ? err_copy : "");
  free(out_copy);
  free(err_copy);
}

static void commit_op(const unsigned char id[8], uint32_t op, const unsigned char *body, uint32_t len) {
  if (len != 8) {
    respond_refused(id, "jnft-helper: malformed commit request (expected a commit id)");
    return;
  }
  uint64_t commit_id = get_u64(body);
  char state[64];
  if (commit.state == COMMIT_NONE || commit.id != commit_id) {
    respond_refused(id, "jnft-helper: no commit %" PRIu64 " here (this helper knows %s)", commit_id,
                    commit.state == COMMIT_NONE ? "none" : "another one");
    return;
  }
  if (op == OP_COMMIT_STATUS) {
    commit_state_text(state, sizeof state);
    respond(id, 0, state, commit.error ? commit.error : "");
    return;
  }
  if (commit.state != COMMIT_ARMED) {
    commit_state_text(state, sizeof state);
    respond(id, RC_REFUSED, state, commit.error ? commit.error : "");
    return;
  }
  if (op == OP_COMMIT_CONFIRM) {
    free(commit.rollback);
    commit.rollback = NULL;
    commit.state = COMMIT_CONFIRMED;
    respond(id, 0, "confirmed", "");
    return;
  }
  fire_rollback("request");
  commit_state_text(state, sizeof state);
  respond(id, commit.state == COMMIT_ROLLED_BACK ? 0 : RC_NFT_ERROR, state,
          commit.error ? commit.error : "");
}

/* ---------------------------------------------------------------- netlink relay */

/*
 * OP_NETLINK relays nf_tables set element updates to the kernel without libnftables, whose 1.0.6
 * rebuilds its whole cache on every command (~80-130 µs for one element; a direct exchange costs
 * a few µs). The helper keeps least privilege here too: it relays element updates and the two
 * lookups they need, nothing else (no table, chain, rule, set or object changes). One read-only
 * dump besides: GETTABLE, because nft 1.0.6 frees a table's only flag before printing it as JSON
 * (table_flags_json(), a use-after-free that garbles the listing and can corrupt the heap), so
 * the JVM reads the tables' flags first and lists such tables as text.
 */
#define NFT_TYPE(m) ((NFNL_SUBSYS_NFTABLES << 8) | (m))
#define NL_DUMP_BITS 0x300u  /* NLM_F_ROOT | NLM_F_MATCH: any of them makes a get a dump */
#define NL_WAIT_MS 5000      /* for the answers; the kernel has queued them before sendmsg returns */
#define NL_RCVBUF (4 << 20)  /* answers that may be queued (the kernel doubles it for overhead) */

static int nl_fd = -1;   /* one NETLINK_NETFILTER socket, opened on first use */
static int nl_sndbuf;    /* its send buffer as the kernel reports it (a request must fit) */
static int nl_dirty;     /* an exchange ended early: drain what is left before the next one */
/* One datagram. The kernel's answers to element updates and single lookups are far smaller; a
   dump (the table dump) comes in skbs of up to ~32 KiB. MSG_TRUNC tells if one did not fit. */
static unsigned char nl_buf[128 * 1024];

static const char *const NFT_MSG_NAMES[] = {
    "NEWTABLE", "GETTABLE", "DELTABLE", "NEWCHAIN", "GETCHAIN", "DELCHAIN", "NEWRULE", "GETRULE",
    "DELRULE", "NEWSET", "GETSET", "DELSET", "NEWSETELEM", "GETSETELEM", "DELSETELEM", "NEWGEN",
    "GETGEN", "TRACE", "NEWOBJ", "GETOBJ", "DELOBJ", "GETOBJ_RESET", "NEWFLOWTABLE",
    "GETFLOWTABLE", "DELFLOWTABLE", "GETRULE_RESET", "DESTROYTABLE", "DESTROYCHAIN",
    "DESTROYRULE", "DESTROYSET", "DESTROYSETELEM", "DESTROYOBJ", "DESTROYFLOWTABLE",
    "GETSETELEM_RESET"};

static void nl_type_name(uint16_t type, char *buf, size_t n) {
  unsigned subsys = type >> 8, msg = type & 0xffu;
  if (type == NFNL_MSG_BATCH_BEGIN) {
    snprintf(buf, n, "batch begin");
  } else if (type == NFNL_MSG_BATCH_END) {
    snprintf(buf, n, "batch end");
  } else if (type < NLMSG_MIN_TYPE) {
    snprintf(buf, n, "netlink control message 0x%04x", type);
  } else if (subsys == NFNL_SUBSYS_NFTABLES && msg < sizeof NFT_MSG_NAMES / sizeof NFT_MSG_NAMES[0]) {
    snprintf(buf, n, "nf_tables %s (type 0x%04x)", NFT_MSG_NAMES[msg], type);
  } else {
    snprintf(buf, n, "nfnetlink subsystem %u message %u (type 0x%04x)", subsys, msg, type);
  }
}

/* What the exchange needs of each request message; sorted by sequence number, then order. */
struct nl_msg {
  uint32_t seq;
  uint32_t index;
  uint8_t ack;      /* carries NLM_F_ACK: its NLMSG_ERROR (ack or error) is waited for */
  uint8_t dump;     /* a dump: its NLMSG_DONE (or an NLMSG_ERROR) is waited for */
  uint8_t answered; /* an NLMSG_ERROR with its sequence number came */
};

#define NL_REFUSE(...)                 \
  do {                                 \
    snprintf(why, why_len, __VA_ARGS__); \
    return 0;                          \
  } while (0)

/*
 * Checks a request (see the protocol comment): either exactly one nf_tables batch (begin, one or
 * more NEWSETELEM/DELSETELEM, end) or one or more single lookups (GETSET, GETGEN). Nothing else:
 * the kernel ignores whatever follows a batch's end and refuses a batch after other messages.
 * Returns the number of messages, filling `msgs` (room for len / 20), or 0 with `why` set.
 */
static size_t nl_check(const unsigned char *body, uint32_t len, struct nl_msg *msgs, char *why,
                       size_t why_len) {
  enum { START, LOOKUPS, IN_BATCH, BATCH_ENDED } mode = START;
  size_t n = 0, elements = 0;
  uint32_t off = 0;
  char name[96];
  if (len == 0) {
    NL_REFUSE("the request is empty");
  }
  while (off < len) {
    struct nlmsghdr h;
    uint32_t left = len - off;
    if (left < sizeof h) {
      NL_REFUSE("message %zu at offset %u is truncated: %u bytes left, a header needs %zu", n, off,
                left, sizeof h);
    }
    memcpy(&h, body + off, sizeof h);
    if (h.nlmsg_len < NLMSG_HDRLEN + 4) {
      NL_REFUSE("message %zu at offset %u: its length %u is shorter than a header and its nfgenmsg"
                " (%u bytes)", n, off, h.nlmsg_len, NLMSG_HDRLEN + 4);
    }
    if (h.nlmsg_len > left) {
      NL_REFUSE("message %zu at offset %u: its length %u goes beyond the end of the request (%u"
                " bytes left)", n, off, h.nlmsg_len, left);
    }
    uint32_t step = NLMSG_ALIGN(h.nlmsg_len);
    if (step > left && h.nlmsg_len != left) { /* the last one may lack its padding, no more */
      NL_REFUSE("message %zu at offset %u: %u stray bytes follow it", n, off, left - h.nlmsg_len);
    }
    nl_type_name(h.nlmsg_type, name, sizeof name);
    if (!(h.nlmsg_flags & NLM_F_REQUEST)) {
      NL_REFUSE("message %zu (%s) lacks NLM_F_REQUEST", n, name);
    }
    if (mode == BATCH_ENDED) {
      NL_REFUSE("message %zu (%s) follows the end of the batch: the kernel ignores what follows it"
                " (one batch per request, lookups in requests of their own)", n, name);
    }
    uint16_t type = h.nlmsg_type;
    if (type == NFNL_MSG_BATCH_BEGIN || type == NFNL_MSG_BATCH_END) {
      unsigned res_id = ((unsigned)body[off + 18] << 8) | body[off + 19]; /* big-endian */
      if (res_id != NFNL_SUBSYS_NFTABLES) {
        NL_REFUSE("message %zu (%s) is for nfnetlink subsystem %u: only nf_tables (%u) batches are"
                  " relayed", n, name, res_id, NFNL_SUBSYS_NFTABLES);
      }
      if (h.nlmsg_flags & NLM_F_ACK) {
        NL_REFUSE("message %zu (%s) asks for an ack: kernels ack a batch's begin and end only in"
                  " some versions and cases, so the answer could not be waited for", n, name);
      }
      if (type == NFNL_MSG_BATCH_BEGIN) {
        if (mode != START) {
          NL_REFUSE("message %zu (%s): a batch must be the whole request (%s)", n, name,
                    mode == IN_BATCH ? "no batch inside a batch"
                                     : "the kernel refuses a batch after other messages");
        }
        mode = IN_BATCH;
      } else {
        if (mode != IN_BATCH) {
          NL_REFUSE("message %zu (%s) ends no batch", n, name);
        }
        if (elements == 0) {
          NL_REFUSE("message %zu (%s) ends an empty batch", n, name);
        }
        mode = BATCH_ENDED;
      }
    } else if (type == NFT_TYPE(NFT_MSG_NEWSETELEM) || type == NFT_TYPE(NFT_MSG_DELSETELEM)) {
      if (mode != IN_BATCH) {
        NL_REFUSE("message %zu (%s) is outside a batch: element updates go between a batch begin"
                  " and its end", n, name);
      }
      elements++;
    } else if (type == NFT_TYPE(NFT_MSG_GETSET) || type == NFT_TYPE(NFT_MSG_GETGEN)) {
      if (mode == IN_BATCH) {
        NL_REFUSE("message %zu (%s) is inside a batch: lookups go outside batches", n, name);
      }
      if (h.nlmsg_flags & NL_DUMP_BITS) {
        NL_REFUSE("message %zu (%s) asks for a dump (NLM_F_DUMP bits 0x%x): only single lookups are"
                  " relayed", n, name, h.nlmsg_flags & NL_DUMP_BITS);
      }
      mode = LOOKUPS;
    } else if (type == NFT_TYPE(NFT_MSG_GETTABLE)) {
      if (mode == IN_BATCH) {
        NL_REFUSE("message %zu (%s) is inside a batch: lookups go outside batches", n, name);
      }
      if ((h.nlmsg_flags & NL_DUMP_BITS) != NL_DUMP_BITS) {
        NL_REFUSE("message %zu (%s) is not a dump (NLM_F_DUMP): tables are read only as a dump", n,
                  name);
      }
      mode = LOOKUPS;
    } else {
      NL_REFUSE("message %zu: %s is not relayed; this operation carries set element updates"
                " (NEWSETELEM, DELSETELEM in one batch), the lookups they need (GETSET, GETGEN) and"
                " the table dump (GETTABLE), nothing else", n, name);
    }
    msgs[n].seq = h.nlmsg_seq;
    msgs[n].index = (uint32_t)n;
    msgs[n].dump = type == NFT_TYPE(NFT_MSG_GETTABLE);
    msgs[n].ack = !msgs[n].dump && (h.nlmsg_flags & NLM_F_ACK) != 0;
    msgs[n].answered = 0;
    n++;
    off += step > left ? left : step;
  }
  if (mode == IN_BATCH) {
    NL_REFUSE("the batch has no end (a batch end must close it)");
  }
  return n;
}

static int nl_msg_order(const void *a, const void *b) {
  const struct nl_msg *x = a, *y = b;
  if (x->seq != y->seq) {
    return x->seq < y->seq ? -1 : 1;
  }
  return x->index < y->index ? -1 : x->index > y->index;
}

/* The first request message with sequence number `seq`, or NULL. */
static struct nl_msg *nl_find(struct nl_msg *msgs, size_t n, uint32_t seq) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (msgs[mid].seq < seq) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < n && msgs[lo].seq == seq ? &msgs[lo] : NULL;
}

struct nl_out {
  unsigned char *p;
  size_t len, cap;
  int failed; /* out of memory */
};

static void nl_append(struct nl_out *o, const unsigned char *p, size_t n) {
  if (o->failed) {
    return;
  }
  if (o->len + n > o->cap) {
    size_t cap = o->cap ? o->cap : 4096;
    while (cap < o->len + n) {
      cap *= 2;
    }
    unsigned char *bigger = realloc(o->p, cap);
    if (bigger == NULL) {
      o->failed = 1;
      return;
    }
    o->p = bigger;
    o->cap = cap;
  }
  memcpy(o->p + o->len, p, n);
  o->len += n;
}

/*
 * Takes one datagram of answers: keeps those whose sequence number is one of the request's (in
 * order, exact bytes), and marks the messages their NLMSG_ERRORs (and a dump's NLMSG_DONE)
 * answer. Returns 1 when the exchange is complete: every message with NLM_F_ACK, and every dump,
 * is answered, or an error answered a message without either (a refused batch begin: nothing
 * else comes).
 */
static int nl_take(const unsigned char *d, size_t n, struct nl_msg *msgs, size_t count,
                   size_t *outstanding, struct nl_out *out) {
  int done = 0;
  size_t off = 0;
  while (n - off >= NLMSG_HDRLEN) {
    struct nlmsghdr h;
    memcpy(&h, d + off, sizeof h);
    if (h.nlmsg_len < NLMSG_HDRLEN || h.nlmsg_len > n - off) {
      break; /* the kernel sends no such thing */
    }
    size_t step = NLMSG_ALIGN(h.nlmsg_len);
    if (step > n - off) {
      step = n - off;
    }
    struct nl_msg *m = nl_find(msgs, count, h.nlmsg_seq);
    if (m != NULL) {
      nl_append(out, d + off, step);
      if (h.nlmsg_type == NLMSG_ERROR || h.nlmsg_type == NLMSG_DONE) {
        struct nl_msg *end = msgs + count;
        while (m < end && m->seq == h.nlmsg_seq && m->answered) {
          m++;
        }
        if (m < end && m->seq == h.nlmsg_seq && (h.nlmsg_type == NLMSG_ERROR || m->dump)) {
          m->answered = 1;
          if (!m->ack && !m->dump) {
            done = 1;
          } else if (--*outstanding == 0) {
            done = 1;
          }
        }
      }
    }
    off += step;
  }
  return done;
}

/* Waits until the socket is readable or `until_ms` passes (1 readable, 0 timed out, -1 error).
   An armed commit's deadline is kept: its rollback runs here if it passes meanwhile. */
static int nl_wait(int64_t until_ms) {
  for (;;) {
    int64_t now = now_ms();
    int64_t left = until_ms - now;
    if (left <= 0) {
      return 0;
    }
    if (commit.state == COMMIT_ARMED) {
      int64_t to_deadline = commit.deadline_ms - now;
      if (to_deadline <= 0) {
        fire_rollback("deadline");
        continue;
      }
      if (to_deadline < left) {
        left = to_deadline;
      }
    }
    struct pollfd p = {nl_fd, POLLIN, 0};
    int r = poll(&p, 1, (int)left);
    if (r > 0) {
      return 1;
    }
    if (r < 0 && errno != EINTR) {
      return -1;
    }
  }
}

/* Opens the socket: NETLINK_CAP_ACK (an ack does not echo its request), NETLINK_EXT_ACK (an
   error carries the kernel's message), a receive buffer for many answers (SO_RCVBUFFORCE needs
   CAP_NET_ADMIN, which the helper has; else SO_RCVBUF up to net.core.rmem_max). */
static int nl_open(const char **call) {
  int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_NETFILTER);
  if (fd < 0) {
    *call = "socket";
    return -1;
  }
  int one = 1, rcvbuf = NL_RCVBUF, sndbuf = 0;
  socklen_t sl = sizeof sndbuf;
  if (setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof one) != 0
      || setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof one) != 0
      || (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof rcvbuf) != 0
          && setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf) != 0)
      || getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, &sl) != 0) {
    int saved = errno;
    close(fd);
    errno = saved;
    *call = "setsockopt";
    return -1;
  }
  nl_fd = fd;
  nl_sndbuf = sndbuf;
  return 0;
}

/* Reads and drops whatever is queued (after an exchange that ended early). */
static void nl_discard(void) {
  for (;;) {
    ssize_t r = recv(nl_fd, nl_buf, sizeof nl_buf, MSG_DONTWAIT | MSG_TRUNC);
    if (r < 0 && errno != EINTR && errno != ENOBUFS) {
      break; /* EAGAIN: empty. ENOBUFS: answers were lost, the rest is still to be read */
    }
  }
  nl_dirty = 0;
}

/* rc -3: output "ERRNO CALL" (CALL: socket, setsockopt, sendmsg, poll or recv), so that the JVM
   knows whether the kernel may have received the messages (only once sendmsg succeeded). */
static void nl_fail(const unsigned char id[8], int err, const char *call, const char *detail) {
  char out[48], msg[512];
  int sent = strcmp(call, "poll") == 0 || strcmp(call, "recv") == 0;
  snprintf(out, sizeof out, "%d %s", err, call);
  snprintf(msg, sizeof msg, "jnft-helper: netlink %s failed: %s%s; %s", call, strerror(err), detail,
           sent ? "the messages were sent and may have taken effect" : "nothing was sent");
  respond(id, RC_ERRNO, out, msg);
}

static void netlink_relay(const unsigned char id[8], const unsigned char *body, uint32_t len) {
  char why[400];
  struct nl_msg *msgs = malloc(((size_t)len / (NLMSG_HDRLEN + 4) + 1) * sizeof *msgs);
  if (msgs == NULL) {
    respond_refused(id, "jnft-helper: out of memory");
    return;
  }
  size_t count = nl_check(body, len, msgs, why, sizeof why);
  if (count == 0) {
    free(msgs);
    respond_refused(id, "jnft-helper: netlink request refused, nothing was sent: %s", why);
    return;
  }
  const char *call = NULL;
  if (nl_fd < 0 && nl_open(&call) != 0) {
    free(msgs);
    nl_fail(id, errno, call, "");
    return;
  }
  if (nl_dirty) {
    nl_discard();
  }
  if ((int64_t)len + 64 > nl_sndbuf) { /* netlink refuses a message over the send buffer - 32 */
    int want = (int)len + 64, got = 0;
    socklen_t sl = sizeof got;
    if ((setsockopt(nl_fd, SOL_SOCKET, SO_SNDBUFFORCE, &want, sizeof want) != 0
         && setsockopt(nl_fd, SOL_SOCKET, SO_SNDBUF, &want, sizeof want) != 0)
        || getsockopt(nl_fd, SOL_SOCKET, SO_SNDBUF, &got, &sl) != 0) {
      free(msgs);
      nl_fail(id, errno, "setsockopt", " (send buffer)");
      return;
    }
    nl_sndbuf = got;
  }
  size_t outstanding = 0;
  for (size_t i = 0; i < count; i++) {
    outstanding += msgs[i].ack || msgs[i].dump;
  }
  qsort(msgs, count, sizeof *msgs, nl_msg_order);

  /* One sendmsg: the kernel handles a batch only whole, and answers before sendmsg returns. */
  struct sockaddr_nl kernel;
  memset(&kernel, 0, sizeof kernel);
  kernel.nl_family = AF_NETLINK;
  struct iovec iov = {(void *)body, len};
  struct msghdr mh;
  memset(&mh, 0, sizeof mh);
  mh.msg_name = &kernel;
  mh.msg_namelen = sizeof kernel;
  mh.msg_iov = &iov;
  mh.msg_iovlen = 1;
  ssize_t w;
  do {
    w = sendmsg(nl_fd, &mh, 0);
  } while (w < 0 && errno == EINTR);
  if (w < 0) {
    /* Netlink fails a send only before the kernel sees the message (size, memory, no nfnetlink). */
    int saved = errno;
    free(msgs);
    nl_fail(id, saved, "sendmsg", saved == EMSGSIZE ? " (larger than the send buffer)" : "");
    return;
  }

  struct nl_out out = {NULL, 0, 0, 0};
  int64_t until = now_ms() + NL_WAIT_MS;
  int done = outstanding == 0, err = 0;
  const char *detail = "";
  call = "recv";
  for (;;) { /* until done, then drain without waiting */
    ssize_t r = recv(nl_fd, nl_buf, sizeof nl_buf, MSG_DONTWAIT | MSG_TRUNC);
    if (r < 0) {
      if (errno == EINTR) {
        continue;
      }
      if (errno != EAGAIN && errno != EWOULDBLOCK) {
        err = errno;
        if (err == ENOBUFS) {
          detail = " (answers were lost: more than the receive buffer holds; ask for fewer acks)";
        }
        break;
      }
      if (done) {
        break; /* drained */
      }
      int ready = nl_wait(until);
      if (ready < 0) {
        err = errno;
        call = "poll";
        break;
      }
      if (ready == 0) {
        err = ETIMEDOUT;
        snprintf(why, sizeof why, " (%zu of the messages that asked for an ack had no answer after"
                 " %d ms)", outstanding, NL_WAIT_MS);
        detail = why;
        break;
      }
      continue;
    }
    if ((size_t)r > sizeof nl_buf) {
      err = EMSGSIZE;
      detail = " (an answer was larger than the helper's buffer)";
      break;
    }
    if (nl_take(nl_buf, (size_t)r, msgs, count, &outstanding, &out)) {
      done = 1;
      if (outstanding == 0) {
        break; /* every ack came: nothing else is queued (answers of others would be dropped) */
      }
    }
  }
  free(msgs);
  if (err == 0 && out.failed) {
    err = ENOMEM;
  }
  if (err != 0) {
    nl_dirty = 1;
    nl_fail(id, err, call, detail);
  } else {
    respond_bytes(id, 0, out.p != NULL ? out.p : (const unsigned char *)"", out.len, "");
  }
  free(out.p);
}

/* ---------------------------------------------------------------- requests */

/* One request: read, run, answer. Returns 0 when the input has ended. */
static int serve_one(void) {
  unsigned char len_be[4];
  int r = read_in(len_be, 4, 1);
  if (r == 0) {
    return 0;
  }
  if (r < 0) {
    finish(0, "end-of-input");
  }
  uint32_t len = get_u32(len_be);
  unsigned char head[REQUEST_HEADER];
  static const unsigned char no_id[8] = {0};
  if (len < REQUEST_HEADER) {
    discard(len);
    respond(no_id, RC_REFUSED, "", "jnft-helper: malformed request (shorter than its header)");
    return 1;
  }
  if (read_in(head, REQUEST_HEADER, 0) != 1) {
    finish(0, "end-of-input");
  }
  uint32_t flags = get_u32(head + 8);
  uint32_t options = get_u32(head + 12);
  uint32_t op = options >> OP_SHIFT;
  uint32_t body_len = len - REQUEST_HEADER;
  if (len > MAX_REQUEST) {
    discard(body_len);
    respond_refused(head, "jnft-helper: request of %u bytes refused: the limit is %u bytes", len,
                    MAX_REQUEST);
    return 1;
  }
  unsigned char *body = malloc((size_t)body_len + 1);
  if (body == NULL) {
    discard(body_len);
    respond_refused(head, "jnft-helper: out of memory");
    return 1;
  }
  if (body_len > 0 && read_in(body, body_len, 0) != 1) {
    finish(0, "end-of-input");
  }
  body[body_len] = '\0';
  int text = op != OP_COMMIT_ARM && op != OP_COMMIT_CONFIRM && op != OP_COMMIT_ROLLBACK
             && op != OP_COMMIT_STATUS && op != OP_NETLINK;
  if (text && memchr(body, '\0', body_len) != NULL) {
    respond_refused(head, "jnft-helper: request contains a NUL byte");
  } else {
    switch (op) {
      case OP_RUN: run_nft(head, flags, (options & OPT_DRY_RUN) != 0, (char *)body); break;
      case OP_SYSCTL_READ: sysctl_read(head, (char *)body); break;
      case OP_SYSCTL_WRITE: sysctl_write(head, (char *)body); break;
      case OP_SYSCTL_LIST: sysctl_list(head, (char *)body); break;
      case OP_COMMIT_ARM: commit_arm(head, flags, body, body_len); break;
      case OP_COMMIT_CONFIRM:
      case OP_COMMIT_ROLLBACK:
      case OP_COMMIT_STATUS: commit_op(head, op, body, body_len); break;
      case OP_NETLINK: netlink_relay(head, body, body_len); break;
      default: respond_refused(head, "jnft-helper: unknown operation %u", op); break;
    }
  }
  free(body);
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
     stderr, stdin to /dev/null, and the frames use private, non-blocking copies of the
     descriptors (waits happen in ppoll, bounded by a commit's deadline). */
  in_fd = fcntl(0, F_DUPFD_CLOEXEC, 3);
  out_fd = fcntl(1, F_DUPFD_CLOEXEC, 3);
  int devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (in_fd < 0 || out_fd < 0 || devnull < 0 || dup2(devnull, 0) < 0 || dup2(2, 1) < 0
      || fcntl(in_fd, F_SETFL, fcntl(in_fd, F_GETFL) | O_NONBLOCK) < 0
      || fcntl(out_fd, F_SETFL, fcntl(out_fd, F_GETFL) | O_NONBLOCK) < 0) {
    die(EXIT_OS, "cannot set up the frame channels: %s", strerror(errno));
  }
  close(devnull);
  signal(SIGPIPE, SIG_IGN);

  /* Termination signals are blocked except inside ppoll: they roll an armed commit back. */
  sigset_t term;
  sigemptyset(&term);
  sigaddset(&term, SIGTERM);
  sigaddset(&term, SIGINT);
  sigaddset(&term, SIGHUP);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_termination_signal;
  sigemptyset(&sa.sa_mask);
  if (sigprocmask(SIG_BLOCK, &term, &wait_mask) != 0 || sigaction(SIGTERM, &sa, NULL) != 0
      || sigaction(SIGINT, &sa, NULL) != 0 || sigaction(SIGHUP, &sa, NULL) != 0) {
    die(EXIT_OS, "cannot set up signal handling: %s", strerror(errno));
  }
  sigdelset(&wait_mask, SIGTERM);
  sigdelset(&wait_mask, SIGINT);
  sigdelset(&wait_mask, SIGHUP);

  ctx = nft_ctx_new(NFT_CTX_DEFAULT); /* 0: else 1.0.6 opens no netlink socket */
  if (ctx == NULL) {
    die(EXIT_OS, "nft_ctx_new failed");
  }
  if (nft_ctx_buffer_output(ctx) != 0 || nft_ctx_buffer_error(ctx) != 0) {
    die(EXIT_OS, "cannot buffer libnftables output");
  }
  static const unsigned char greeting_id[8] = {0};
  respond(greeting_id, 0, PROTOCOL_GREETING, "");
  while (serve_one()) {
  }
  finish(0, "end-of-input");
  return 0;
}
