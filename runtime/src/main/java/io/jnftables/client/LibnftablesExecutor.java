package io.jnftables.client;

import io.jnftables.libnft.NftContext;
import io.jnftables.libnft.NftResult;
import io.jnftables.libnft.OutputFlags;
import io.jnftables.netns.NetnsTarget;

/**
 * Runs requests through libnftables in this process, on the context's own thread inside its
 * network namespace (see {@link NftContext}: every libnftables call of the JVM is serialized).
 */
public final class LibnftablesExecutor implements NftExecutor {
  private final NftContext context;

  private LibnftablesExecutor(NftContext context) {
    this.context = context;
  }

  public static LibnftablesExecutor open(NetnsTarget target) {
    return new LibnftablesExecutor(NftContext.open(target));
  }

  @Override
  public NftResponse execute(NftRequest request) {
    int flags = 0;
    if (request.has(NftRequest.Option.JSON)) {
      flags |= OutputFlags.JSON;
    }
    if (request.has(NftRequest.Option.ECHO)) {
      flags |= OutputFlags.ECHO;
    }
    if (request.has(NftRequest.Option.HANDLE)) {
      flags |= OutputFlags.HANDLE;
    }
    if (request.has(NftRequest.Option.TERSE)) {
      flags |= OutputFlags.TERSE;
    }
    NftResult r = context.run(request.input(), flags, request.has(NftRequest.Option.DRY_RUN));
    return new NftResponse(r.ok(), r.output(), r.error());
  }

  /** The namespace the context lives in, e.g. {@code net:[4026532177]}. */
  public String netnsId() {
    return context.netnsId();
  }

  @Override
  public void close() {
    context.close();
  }
}
