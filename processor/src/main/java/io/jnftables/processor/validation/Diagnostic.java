package io.jnftables.processor.validation;

import java.util.Locale;

/**
 * Every message the processor can report, with its stable id. Ids never change meaning and are
 * never reused; the templates are {@link String#format} patterns.
 */
public enum Diagnostic {
  INTERNAL_ERROR(
      "NFT100", Severity.ERROR,
      "internal error in the jnftables processor while processing %s: %s; please report it"),
  RULE_SYNTAX(
      "NFT101", Severity.ERROR, "invalid rule text in %s: %s\n%s"),
  INVALID_TABLE_NAME(
      "NFT102", Severity.ERROR, "invalid table name \"%s\": %s"),
  INVALID_CHAIN_NAME(
      "NFT103", Severity.ERROR, "invalid chain name \"%s\": %s"),
  DUPLICATE_CHAIN_NAME(
      "NFT104", Severity.ERROR, "duplicate chain name \"%s\" in table %s %s: %s declares it already"),
  RULE_OUTSIDE_CHAIN(
      "NFT105", Severity.ERROR,
      "@Rule method %s is not in a @Chain type (it is in %s); rules belong to a type annotated @Chain"
          + " nested in a @Table type"),
  CHAIN_OUTSIDE_TABLE(
      "NFT106", Severity.ERROR,
      "@Chain type %s is not nested in a @Table type (it is in %s); declare it as a member type of"
          + " the @Table type whose chain it is"),
  HOOK_NOT_IN_FAMILY(
      "NFT107", Severity.ERROR, "chain \"%s\": hook %s is not available in %s tables; use one of: %s"),
  CHAIN_TYPE_NOT_IN_FAMILY(
      "NFT108", Severity.ERROR, "chain \"%s\": %s chains are not available in %s tables (only in: %s)"),
  CHAIN_TYPE_NOT_ON_HOOK(
      "NFT109", Severity.ERROR, "chain \"%s\": %s chains cannot attach to hook %s; use one of: %s"),
  HOOK_NEEDS_DEVICE(
      "NFT110", Severity.ERROR,
      "chain \"%s\": hook %s needs a device, and @Chain cannot name one yet; declare this chain"
          + " with the runtime API (BaseChain with a device) instead"),
  UNKNOWN_JUMP_TARGET(
      "NFT111", Severity.ERROR, "%s: %s to chain \"%s\", which table %s %s does not declare%s"),
  JUMP_TO_BASE_CHAIN(
      "NFT112", Severity.ERROR,
      "%s: %s to base chain \"%s\"; the kernel only lets rules jump to regular chains (hook = NONE)"),
  JUMP_LOOP(
      "NFT113", Severity.ERROR,
      "%s: %s to chain \"%s\" closes a loop (%s) reachable from base chain \"%s\"; the kernel refuses"
          + " loops"),
  TABLE_ON_WRONG_KIND(
      "NFT114", Severity.ERROR, "@Table goes on a class or interface, and %s is %s"),
  IGNORED_ON_REGULAR_CHAIN(
      "NFT115", Severity.WARNING,
      "chain \"%s\": %s is ignored on a regular chain (hook = NONE); give the chain a hook or remove"
          + " the %s attribute"),
  WRITE_FAILED(
      "NFT116", Severity.ERROR, "could not write %s: %s");

  /** How bad a finding is; a report with an error generates nothing. */
  public enum Severity {
    ERROR,
    WARNING
  }

  private final String id;
  private final Severity severity;
  private final String template;

  Diagnostic(String id, Severity severity, String template) {
    this.id = id;
    this.severity = severity;
    this.template = template;
  }

  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }

  public String template() {
    return template;
  }

  /** The message: {@code [NFT1xx] } and the filled-in template. */
  public String format(Object... args) {
    return "[" + id + "] " + String.format(Locale.ROOT, template, args);
  }
}
