package io.jnftables.libnft;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.types.u_int32_t;

/**
 * The raw jnr-ffi binding of {@code libnftables.so.1} (nftables 1.0.6 API,
 * {@code /usr/include/nftables/libnftables.h}).
 *
 * <p>Use {@link NftContext} instead: libnftables 1.0.6 keeps process-global state, so every call
 * in the JVM must be serialized by one lock, contexts must be created on a thread inside the
 * wanted network namespace, and output buffers must be copied before the next call.
 * {@code NftContext} does all of that. This interface only exists so that the binding is in one
 * place.
 */
public interface LibNftables {

  /**
   * The binding, loaded on first use (tries {@code libnftables.so.1}, then {@code nftables}).
   *
   * @throws NftException if libnftables cannot be loaded; the message says to install it with
   *     {@code apt-get install libnftables1}. Later calls throw again without retrying.
   */
  static LibNftables get() {
    return LibNftablesLoader.get();
  }

  /**
   * {@code struct nft_ctx *nft_ctx_new(uint32_t flags)}. Pass 0 ({@code NFT_CTX_DEFAULT}): in
   * 1.0.6 any other value skips opening the netlink socket. The socket is bound to the calling
   * thread's network namespace.
   */
  Pointer nft_ctx_new(@u_int32_t int flags);

  /** {@code void nft_ctx_free(struct nft_ctx *ctx)}. */
  void nft_ctx_free(Pointer ctx);

  /** {@code unsigned int nft_ctx_output_get_flags(struct nft_ctx *ctx)}; see {@link OutputFlags}. */
  int nft_ctx_output_get_flags(Pointer ctx);

  /** {@code void nft_ctx_output_set_flags(struct nft_ctx *ctx, unsigned int flags)}. */
  void nft_ctx_output_set_flags(Pointer ctx, int flags);

  /** {@code int nft_ctx_buffer_output(struct nft_ctx *ctx)}: 0 on success. */
  int nft_ctx_buffer_output(Pointer ctx);

  /** {@code int nft_ctx_buffer_error(struct nft_ctx *ctx)}: 0 on success. */
  int nft_ctx_buffer_error(Pointer ctx);

  /**
   * {@code const char *nft_ctx_get_output_buffer(struct nft_ctx *ctx)}: owned by the context,
   * rewound by this call and invalid after the next command; copy it at once.
   */
  Pointer nft_ctx_get_output_buffer(Pointer ctx);

  /** {@code const char *nft_ctx_get_error_buffer(struct nft_ctx *ctx)}; same rules as output. */
  Pointer nft_ctx_get_error_buffer(Pointer ctx);

  /**
   * {@code int nft_run_cmd_from_buffer(struct nft_ctx *nft, const char *buf)}: 0 on success, -1 on
   * error. Pass UTF-8 bytes with a trailing NUL (never the platform charset).
   */
  int nft_run_cmd_from_buffer(Pointer ctx, @In byte[] utf8WithTrailingNul);

  /**
   * {@code bool nft_ctx_get_dry_run(struct nft_ctx *ctx)}. Declared as {@code byte} because a C
   * {@code bool} result only defines the low 8 bits of the return register; non-zero means true.
   */
  byte nft_ctx_get_dry_run(Pointer ctx);

  /** {@code void nft_ctx_set_dry_run(struct nft_ctx *ctx, bool dry)}. */
  void nft_ctx_set_dry_run(Pointer ctx, boolean dry);
}
