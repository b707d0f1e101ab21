package io.jnftables.model.stmt;

/**
 * A statement of a rule, in the libnftables JSON schema: matches, verdicts, stateful statements,
 * packet mangling, NAT and the other actions of {@code man libnftables-json}.
 * {@link RawStatement} keeps what the model does not know.
 */
public sealed interface Statement
    permits Match,
        Counter,
        Log,
        Verdict,
        Reject,
        RawStatement,
        Mangle,
        Quota,
        Limit,
        Fwd,
        Notrack,
        Dup,
        Nat,
        SetUpdate,
        MapUpdate,
        ObjectRef,
        Meter,
        Queue,
        VerdictMap,
        CtCount,
        Tproxy,
        Synproxy,
        OptionReset,
        FlowOffload,
        Xt,
        TextStatement {}
