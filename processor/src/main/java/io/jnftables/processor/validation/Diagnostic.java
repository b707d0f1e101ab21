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
      "chain \"%s\": hook %s needs a device; name the interface the chain sees, e.g. device = \"eth0\""),
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
      "NFT116", Severity.ERROR, "could not write %s: %s"),
  UNKNOWN_WORD(
      "NFT117", Severity.ERROR, "unknown word in %s: %s\n%s"),
  PLACEHOLDER_WITHOUT_PARAMETER(
      "NFT118", Severity.ERROR,
      "%s: placeholder $%s at column %d has no parameter; add a parameter named %s to the method%s"),
  UNUSED_PARAMETER(
      "NFT119", Severity.ERROR,
      "%s: parameter %s is not used by the rule text; write $%s where its value goes, or remove the parameter"),
  PLACEHOLDER_TYPE_MISMATCH(
      "NFT120", Severity.ERROR,
      "%s: parameter %s %s cannot fill $%s at column %d: %s; give the parameter a type that fits there"),
  UNSUPPORTED_PARAMETER_TYPE(
      "NFT121", Severity.ERROR,
      "%s: parameter %s has type %s, which no placeholder takes; use int, long, String, InetAddress,"
          + " Inet4Address, Inet6Address, IpAddress, IpPrefix, or a Set, List or Collection of them"),
  UNKNOWN_SET(
      "NFT122", Severity.ERROR,
      "%s: @%s is not a set or map of table %s %s%s; declare it with @Set or @Map on the table type"),
  UNKNOWN_OBJECT(
      "NFT123", Severity.ERROR,
      "%s: %s \"%s\" is not declared in table %s %s%s; declare it with @%s on the table type"),
  SET_TYPE_MISMATCH(
      "NFT124", Severity.ERROR,
      "%s: %s; match a field of the set's type, or declare the set with the field's type\n%s"),
  AFTER_VERDICT(
      "NFT125", Severity.ERROR,
      "%s: %s; move the statement before it, or into a rule of its own\n%s"),
  FAMILY_MISMATCH(
      "NFT126", Severity.ERROR,
      "%s: %s; match this family's headers, or declare the table with Family.INET\n%s"),
  PORT_WITHOUT_PROTOCOL(
      "NFT127", Severity.ERROR, "%s: %s\n%s"),
  CONFLICTING_MATCHES(
      "NFT128", Severity.ERROR,
      "%s: %s; no packet matches both: split it into two rules\n%s"),
  INVALID_PRIORITY(
      "NFT129", Severity.ERROR, "chain \"%s\": %s"),
  NAT_OUTSIDE_NAT_CHAIN(
      "NFT130", Severity.ERROR,
      "%s: %s needs a chain of type NAT, and chain \"%s\" is a %s chain; move the rule into a"
          + " @Chain(type = ChainType.NAT, hook = %s)"),
  NAT_WRONG_HOOK(
      "NFT131", Severity.ERROR,
      "%s: %s works on hook %s only, and chain \"%s\" runs at %s; move the rule into a chain on %s"),
  REJECT_WRONG_HOOK(
      "NFT132", Severity.ERROR,
      "%s: reject works on hooks INPUT, FORWARD and OUTPUT only, and chain \"%s\" runs at %s; use drop"
          + " here, or move the rule"),
  TPROXY_WRONG_HOOK(
      "NFT133", Severity.ERROR,
      "%s: tproxy works on hook PREROUTING only, and chain \"%s\" runs at %s; move the rule into a"
          + " prerouting chain"),
  INVALID_OBJECT_NAME(
      "NFT134", Severity.ERROR, "invalid %s name \"%s\": %s"),
  DUPLICATE_OBJECT_NAME(
      "NFT135", Severity.ERROR, "duplicate %s name \"%s\" in table %s %s; %s"),
  UNKNOWN_DATA_TYPE(
      "NFT136", Severity.ERROR, "%s \"%s\": %s%s; use an nft data type such as ipv4_addr, ipv6_addr,"
          + " inet_service, ifname, ether_addr, mark, inet_proto"),
  INVALID_ELEMENT(
      "NFT137", Severity.ERROR, "%s \"%s\": element \"%s\" does not fit %s: %s"),
  INVALID_OBJECT_ATTRIBUTE(
      "NFT138", Severity.ERROR, "%s \"%s\": %s"),
  SET_FLAG_MISSING(
      "NFT139", Severity.ERROR, "%s \"%s\": %s needs the %s flag; add SetFlag.%s to flags"),
  INVALID_DSL_RULE(
      "NFT140", Severity.ERROR,
      "%s: a @Rule without text is a DSL rule, so the method must be static and return"
          + " io.jnftables.dsl.RuleBody; it %s"),
  OBJECT_OUTSIDE_TABLE(
      "NFT141", Severity.ERROR,
      "@%s on %s, which is not a @Table type; put it on the @Table type whose object it is"),
  DEVICE_ON_WRONG_HOOK(
      "NFT142", Severity.ERROR,
      "chain \"%s\": device \"%s\" is only for INGRESS and EGRESS chains, and this chain hooks %s;"
          + " remove the device"),
  UNRESOLVED_TYPE(
      "NFT143", Severity.ERROR,
      "%s: type %s could not be resolved after every round of annotation processing; nothing is"
          + " generated for table %s"),
  CONSTANT_SET_UPDATED(
      "NFT144", Severity.ERROR,
      "%s: %s updates @%s from the packet path, and it is declared %s; declare it with SetFlag.DYNAMIC"
          + " and without SetFlag.CONSTANT");

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
