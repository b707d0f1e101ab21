package io.jnftables.model;

import io.jnftables.annotations.Family;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A flowtable: {@code {"flowtable":{…,"hook":"ingress","prio":0,"dev":["eth0","eth1"]}}}.
 *
 * @param devices the interfaces; nft lists one as a string, several as an array
 */
public record Flowtable(
    Family family,
    String table,
    String name,
    @Nullable Long handle,
    @Nullable String hook,
    @Nullable Integer priority,
    List<String> devices)
    implements NftObject {
  public Flowtable {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
    devices = List.copyOf(devices);
  }
}
