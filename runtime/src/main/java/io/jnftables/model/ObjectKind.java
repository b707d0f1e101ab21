package io.jnftables.model;

import org.jspecify.annotations.Nullable;

/** The kinds of ruleset object, with the JSON key of each. */
public enum ObjectKind {
  TABLE("table"),
  CHAIN("chain"),
  RULE("rule"),
  SET("set"),
  MAP("map"),
  METER("meter"),
  ELEMENT("element"),
  FLOWTABLE("flowtable"),
  COUNTER("counter"),
  QUOTA("quota"),
  LIMIT("limit"),
  CT_HELPER("ct helper"),
  CT_TIMEOUT("ct timeout"),
  CT_EXPECTATION("ct expectation"),
  SYNPROXY("synproxy"),
  SECMARK("secmark");

  private final String json;

  ObjectKind(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }

  public static @Nullable ObjectKind fromJson(String key) {
    for (ObjectKind k : values()) {
      if (k.json.equals(key)) {
        return k;
      }
    }
    return null;
  }
}
