package io.jnftables.model.expr;

/**
 * An expression of the libnftables JSON schema: an immediate value (string, number, boolean, set
 * reference), a packet or metadata selector (payload, exthdr, options, meta, ct, rt, …), a
 * computed value (hashes, numgen, fib, binary operations), or a composite (set, map, concat,
 * range, prefix, element, list). {@link RawExpression} keeps what the model does not know.
 */
public sealed interface Expression
    permits PayloadExpr,
        MetaExpr,
        CtExpr,
        StringLiteral,
        NumberLiteral,
        SetExpr,
        RangeExpr,
        PrefixExpr,
        ListExpr,
        RawExpression,
        BooleanLiteral,
        SetReference,
        ConcatExpr,
        MapExpr,
        MappingExpr,
        PayloadOffsetExpr,
        ExthdrExpr,
        TcpOptionExpr,
        TcpOptionOffsetExpr,
        IpOptionExpr,
        SctpChunkExpr,
        RtExpr,
        NumgenExpr,
        JhashExpr,
        SymhashExpr,
        FibExpr,
        SocketExpr,
        OsfExpr,
        XfrmExpr,
        BinaryExpr,
        VerdictExpr,
        ElemExpr {

  static Expression of(String value) {
    return new StringLiteral(value);
  }

  static Expression of(long value) {
    return new NumberLiteral(value);
  }

  static Expression of(boolean value) {
    return BooleanLiteral.of(value);
  }
}
