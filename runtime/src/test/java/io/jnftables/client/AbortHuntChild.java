package io.jnftables.client;

import io.jnftables.netns.NetnsTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child JVM of {@link AbortHuntKernelTest}: runs cases {@code [from, to)} of a seed through an
 * in-process client in a fresh namespace. Before each case it writes the case's index, the counts
 * so far and the case itself to the progress file, so that when libnftables aborts the process the
 * parent knows which case did it and what was counted before. At the end it prints
 * {@code DONE <counts>}.
 *
 * <p>Arguments: seed, from, to, {@code guarded} or {@code unguarded}, progress file.
 */
public final class AbortHuntChild {
  private static final boolean VERBOSE = Boolean.getBoolean("jnftables.abortHunt.verbose");

  private AbortHuntChild() {}

  /** Counts of one child: cases run, applied, rejected by nft, refused by the guard, refused by the client. */
  static final class Counts {
    long run;
    long ok;
    long rejected;
    long guarded;
    long refused;
    long setupFailed;
    long clientErrors;
    long overRefused; // unguarded only: cases the guard would refuse that did not abort
    final StringBuilder guardedCases = new StringBuilder();

    String line() {
      return run + " " + ok + " " + rejected + " " + guarded + " " + refused + " " + setupFailed + " " + clientErrors + " " + overRefused + " "
          + (guardedCases.length() == 0 ? "-" : guardedCases);
    }
  }

  public static void main(String[] args) throws IOException {
    long seed = Long.parseLong(args[0]);
    long from = Long.parseLong(args[1]);
    long to = Long.parseLong(args[2]);
    boolean guarded = args[3].equals("guarded");
    Path progress = Path.of(args[4]);
    AbortHuntCases cases = AbortHuntCases.load();
    Duration timeout = Duration.ofSeconds(30);
    Counts counts = new Counts();
    Probe probe = guarded ? null : new Probe(LibnftablesExecutor.open(NetnsTarget.fresh()), progress);
    try (Nftables nft = guarded
        ? Nftables.builder().netns(NetnsTarget.fresh()).timeout(timeout).open()
        : Nftables.builder().executor(new GuardedExecutor.Unguarded(probe)).timeout(timeout).probeCapabilities(false).open()) {
      for (long i = from; i < to; i++) {
        AbortHuntCases.Case c = cases.generate(seed, i);
        Files.writeString(progress, i + " " + counts.line() + "\n" + c.describe(), StandardCharsets.UTF_8);
        nft.runText("flush ruleset");
        try {
          nft.runText(c.setup());
        } catch (NftablesException e) {
          counts.setupFailed++;
        }
        if (probe != null) {
          probe.armed = true;
          probe.wouldRefuse = false;
        }
        long okBefore = counts.ok;
        run(nft, c, counts);
        if (probe != null) {
          probe.armed = false;
          if (probe.wouldRefuse) {
            counts.overRefused++; // it survived: the guard would have refused it without need
            Files.writeString(progress.resolveSibling("over-refused.txt"),
                i + " " + probe.defect + (counts.ok > okBefore ? " applied" : " rejected-anyway") + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            if (VERBOSE) {
              System.err.println("OVER-REFUSED case " + i + " " + probe.defect + "\n" + c.describe());
            }
          }
        }
        counts.run++;
      }
    } catch (NftablesTimeoutException e) {
      System.out.println("HANG " + e.getMessage());
      System.out.flush();
      System.exit(3);
    }
    System.out.println("DONE " + counts.line());
  }

  private static void run(Nftables nft, AbortHuntCases.Case c, Counts counts) {
    try {
      CallOptions options = CallOptions.defaults();
      if (c.route() == AbortHuntCases.Route.TEXT) {
        options = options.asText();
      }
      if (c.echo()) {
        options = options.withHandles();
      }
      if (c.route() == AbortHuntCases.Route.RAW_JSON) {
        nft.runJson(c.batch().toJson(), options);
      } else {
        switch (c.mode()) {
          case SUBMIT -> nft.submit(c.batch(), options);
          case CHECK -> nft.check(c.batch(), options);
          case CONFIRMED -> nft.submitConfirmed(c.batch(), Duration.ofSeconds(60), options).rollbackNow();
        }
      }
      counts.ok++;
    } catch (LibnftablesDefectException e) {
      counts.guarded++;
      counts.guardedCases.append(counts.guardedCases.length() == 0 ? "" : ",").append(c.index());
    } catch (NftablesTimeoutException e) {
      throw e;
    } catch (NftablesException e) {
      counts.rejected++;
      if (VERBOSE) {
        System.err.println("REJECTED case " + c.index() + ": " + e.getMessage().lines().findFirst().orElse(""));
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      counts.refused++; // the client refused it (e.g. a confirmed commit of a command without table)
    } catch (RuntimeException e) {
      counts.clientErrors++; // anything else is a client bug worth a look: say which case
      System.err.println("CLIENT-ERROR case " + c.index() + ": " + e);
    }
  }

  /**
   * In the unguarded hunt, asks the guard about every request of a case without acting on it, and
   * notes in the progress file when it would refuse one: so the hunt can tell aborts the guard
   * catches from aborts it misses, and count the cases it would refuse although they do not abort.
   */
  static final class Probe implements NftExecutor {
    private final NftExecutor delegate;
    private final Path progress;
    boolean armed;
    boolean wouldRefuse;
    String defect = "";

    Probe(NftExecutor delegate, Path progress) {
      this.delegate = delegate;
      this.progress = progress;
    }

    @Override
    public NftResponse execute(NftRequest request) {
      if (armed && !wouldRefuse) {
        try {
          AbortGuard.check(request);
        } catch (LibnftablesDefectException e) {
          wouldRefuse = true;
          defect = e.defect();
          try {
            Files.writeString(progress, "\n" + WOULD_REFUSE + e.defect() + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
          } catch (IOException io) {
            throw new java.io.UncheckedIOException(io);
          }
        }
      }
      return delegate.execute(request);
    }

    @Override
    public java.util.Optional<Path> netnsPath() {
      return delegate.netnsPath();
    }

    @Override
    public java.util.Optional<io.jnftables.sysctl.SysctlBackend> sysctlBackend() {
      return delegate.sysctlBackend();
    }

    @Override
    public java.util.Optional<io.jnftables.netlink.NfnetlinkTransport> nfnetlink() {
      return delegate.nfnetlink();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  /** The progress file's mark of a case the guard would refuse. */
  static final String WOULD_REFUSE = "GUARD-WOULD-REFUSE ";
}
