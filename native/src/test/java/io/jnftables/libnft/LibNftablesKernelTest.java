package io.jnftables.libnft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jnftables.netns.NetnsTarget;
import io.jnftables.netns.NetnsThread;
import io.jnftables.testing.NamedNetns;
import io.jnftables.testing.Proc;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import jnr.ffi.Pointer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The raw binding, driven directly (under the process-wide lock, in fresh namespaces). Also shows
 * why NftContext pins every call to the context's thread.
 */
@Tag("kernel")
class LibNftablesKernelTest {
  private final LibNftables lib = LibNftables.get();

  @Test
  void flagsAndDryRunRoundTrip() {
    try (NetnsThread t = NetnsThread.start(NetnsTarget.fresh())) {
      t.run(() -> locked(() -> {
        Pointer ctx = lib.nft_ctx_new(0);
        assertNotNull(ctx);
        try {
          assertEquals(0, lib.nft_ctx_output_get_flags(ctx));
          lib.nft_ctx_output_set_flags(ctx, OutputFlags.JSON | OutputFlags.HANDLE);
          assertEquals(24, lib.nft_ctx_output_get_flags(ctx));
          assertEquals(0, lib.nft_ctx_get_dry_run(ctx));
          lib.nft_ctx_set_dry_run(ctx, true);
          assertTrue(lib.nft_ctx_get_dry_run(ctx) != 0);
          lib.nft_ctx_set_dry_run(ctx, false);
          assertEquals(0, lib.nft_ctx_get_dry_run(ctx));
          assertEquals(0, lib.nft_ctx_buffer_output(ctx));
          assertEquals(0, lib.nft_ctx_buffer_error(ctx));
          // before any command the buffers are empty strings
          assertEquals("", lib.nft_ctx_get_output_buffer(ctx).getString(0));
        } finally {
          lib.nft_ctx_free(ctx);
        }
        return null;
      }));
    }
  }

  /**
   * libnftables resolves {@code iif "d0"} in the namespace of the thread that runs the command, and
   * prints stored indexes the same way. A context used from another namespace's thread shows the
   * raw index 4242 that the kernel holds for A's d0.
   */
  @Test
  void interfaceNamesFollowTheCallingThreadNotTheContext() {
    try (NamedNetns a = NamedNetns.create();
        NetnsThread inA = NetnsThread.start(NetnsTarget.named(a.name()));
        NetnsThread elsewhere = NetnsThread.start(NetnsTarget.fresh())) {
      a.exec("ip", "link", "add", "d0", "index", "4242", "type", "bridge");
      Pointer ctx = inA.call(() -> locked(() -> {
        Pointer c = lib.nft_ctx_new(0);
        lib.nft_ctx_buffer_output(c);
        lib.nft_ctx_buffer_error(c);
        return c;
      }));
      try {
        assertEquals(0, inA.call(() -> run(ctx, "add table inet t\nadd chain inet t c\n"
            + "add rule inet t c iif \"d0\" accept")));
        String fromA = inA.call(() -> list(ctx));
        String fromElsewhere = elsewhere.call(() -> list(ctx));
        assertTrue(fromA.contains("iif \"d0\" accept"), fromA);
        assertTrue(fromElsewhere.contains("iif 4242 accept"), fromElsewhere);
        assertFalse(Proc.hostRuleset().contains("4242"));
      } finally {
        inA.run(() -> locked(() -> {
          lib.nft_ctx_free(ctx);
          return null;
        }));
      }
    }
  }

  private int run(Pointer ctx, String cmd) {
    return locked(() -> lib.nft_run_cmd_from_buffer(ctx, (cmd + "\0").getBytes(StandardCharsets.UTF_8)));
  }

  private String list(Pointer ctx) {
    return locked(() -> {
      lib.nft_ctx_output_set_flags(ctx, 0);
      assertEquals(0, lib.nft_run_cmd_from_buffer(ctx, "list chain inet t c\0".getBytes(StandardCharsets.UTF_8)));
      return lib.nft_ctx_get_output_buffer(ctx).getString(0, Integer.MAX_VALUE, StandardCharsets.UTF_8);
    });
  }

  private static <T> T locked(Callable<T> body) {
    NftContext.LIBNFTABLES_LOCK.lock();
    try {
      return body.call();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      NftContext.LIBNFTABLES_LOCK.unlock();
    }
  }
}
