package io.jnftables.client;

import io.jnftables.netns.NetnsTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child JVM of {@link KnownAbortsKernelTest}: applies a setup (nft text) and then sends one
 * request straight to an in-process libnftables in a fresh namespace, with no client and so no
 * guard in between, {@code repeat} times. If libnftables aborts, this JVM dies; if it survives it
 * prints {@code SURVIVED} and what nft answered.
 *
 * <p>Arguments: {@code json} or {@code text}, setup file, request file, repeat.
 */
public final class AbortReproChild {
  private AbortReproChild() {}

  public static void main(String[] args) throws IOException {
    boolean json = args[0].equals("json");
    String setup = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
    String request = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);
    int repeat = Integer.parseInt(args[3]);
    try (LibnftablesExecutor raw = LibnftablesExecutor.open(NetnsTarget.fresh())) {
      NftResponse r = null;
      for (int i = 0; i < repeat; i++) {
        raw.execute(NftRequest.text("flush ruleset"));
        NftResponse s = raw.execute(NftRequest.text(setup));
        if (!s.ok()) {
          System.out.println("SETUP-FAILED " + s.error());
          System.exit(2);
        }
        System.out.flush();
        r = raw.execute(json ? NftRequest.json(request) : NftRequest.text(request));
      }
      System.out.println("SURVIVED " + (r.ok() ? "ok" : "error: " + r.error().strip()));
    }
  }
}
