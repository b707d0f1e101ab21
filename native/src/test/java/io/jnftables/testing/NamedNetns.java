package io.jnftables.testing;

/** An {@code ip netns add} namespace that a test creates and deletes again. */
public final class NamedNetns implements AutoCloseable {
  private final String name;

  private NamedNetns(String name) {
    this.name = name;
  }

  /** Creates {@code jnft-test-<random>}. */
  public static NamedNetns create() {
    String name = "jnft-test-" + Proc.unique();
    Proc.ok("ip", "netns", "add", name);
    return new NamedNetns(name);
  }

  public String name() {
    return name;
  }

  /** Runs a command inside the namespace with {@code ip netns exec}; it must succeed. */
  public String exec(String... command) {
    String[] full = new String[command.length + 4];
    full[0] = "ip";
    full[1] = "netns";
    full[2] = "exec";
    full[3] = name;
    System.arraycopy(command, 0, full, 4, command.length);
    return Proc.ok(full);
  }

  @Override
  public void close() {
    Proc.ok("ip", "netns", "del", name);
  }
}
