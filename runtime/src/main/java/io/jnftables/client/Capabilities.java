package io.jnftables.client;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the client found when it opened: the nft/libnftables version (from the {@code metainfo}
 * of a listing) and which {@link KernelFeature}s the kernel of its namespace supports (each
 * probed with a dry run, which changes nothing).
 *
 * <pre>{@code
 * assumeTrue(nft.capabilities().has(KernelFeature.FLOWTABLE), "this kernel lacks flowtables");
 * }</pre>
 *
 * @param version libnftables' version, e.g. {@code 1.0.6}
 * @param releaseName its release name, e.g. {@code Lester Gooch #5}
 * @param jsonSchemaVersion the JSON schema version it speaks
 * @param unsupported the features the kernel lacks, each with nft's answer to the probe
 */
public record Capabilities(String version, String releaseName, int jsonSchemaVersion,
    Map<KernelFeature, String> unsupported) {

  /** Copies the map. */
  public Capabilities {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(releaseName, "releaseName");
    unsupported = Map.copyOf(unsupported);
  }

  /** Whether the kernel supports {@code feature}. */
  public boolean has(KernelFeature feature) {
    return !unsupported.containsKey(feature);
  }

  /** The supported features. */
  public Set<KernelFeature> supported() {
    EnumSet<KernelFeature> s = EnumSet.allOf(KernelFeature.class);
    s.removeAll(unsupported.keySet());
    return Set.copyOf(s);
  }
}
