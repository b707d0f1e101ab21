package io.jnftables.json;

/** The JSON could not be read as nftables JSON; {@link #path()} says where. */
public final class JsonDecodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String path;

  public JsonDecodingException(String path, String message, Throwable cause) {
    super(path + ": " + message, cause);
    this.path = path;
  }

  public JsonDecodingException(String path, String message) {
    super(path + ": " + message);
    this.path = path;
  }

  /** JSON-pointer-like path to the offending value, e.g. {@code $.nftables[3].rule.expr[0]}. */
  public String path() {
    return path;
  }
}
