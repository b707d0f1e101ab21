package io.jnftables.model.stmt;

/** A statement of a rule, in the libnftables JSON schema. */
public sealed interface Statement permits Match, Counter, Log, Verdict, Reject, RawStatement {}
