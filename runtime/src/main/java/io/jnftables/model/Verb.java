package io.jnftables.model;

/** What a command does with its object; the JSON key of the command. */
public enum Verb {
  ADD("add"),
  CREATE("create"),
  INSERT("insert"),
  REPLACE("replace"),
  DELETE("delete"),
  FLUSH("flush"),
  LIST("list"),
  RESET("reset"),
  RENAME("rename"),
  /**
   * Like {@code delete}, but no error if the object is absent. nft 1.0.8 and later; 1.0.6 rejects
   * it.
   */
  DESTROY("destroy");

  private final String jsonName;

  Verb(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  /** The verb with this JSON key, or {@code null}. */
  public static @org.jspecify.annotations.Nullable Verb fromJson(String key) {
    for (Verb v : values()) {
      if (v.jsonName.equals(key)) {
        return v;
      }
    }
    return null;
  }
}
