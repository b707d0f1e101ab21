package io.jnftables.model;

/** An object a command acts on or a listing returns: one key of the JSON schema's object list. */
public sealed interface NftObject permits Table, Chain, Rule, Metainfo, RawObject {}
