package io.jnftables.model;

/** An object a command acts on or a listing returns: one key of the JSON schema's object list. */
public sealed interface NftObject extends DocumentItem
    permits Table,
        Chain,
        Rule,
        NamedSet,
        Element,
        Flowtable,
        NamedCounter,
        NamedQuota,
        NamedLimit,
        CtHelper,
        CtTimeout,
        CtExpectation,
        NamedSynproxy,
        Secmark,
        Metainfo,
        ObjectHandle,
        Selector,
        RawObject {}
