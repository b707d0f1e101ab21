package io.jnftables.model;

import org.jspecify.annotations.Nullable;

/** The first element of every listing: who produced it. */
public record Metainfo(
    @Nullable String version, @Nullable String releaseName, @Nullable Integer jsonSchemaVersion)
    implements NftObject {}
