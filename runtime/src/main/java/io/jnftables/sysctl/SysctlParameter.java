package io.jnftables.sysctl;

import io.jnftables.text.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One whitelisted network parameter: its name, the values it accepts ({@link #type()}), what it
 * does, and whether each network namespace has its own value ({@link #scope()}).
 *
 * <p>A parameter is either <em>concrete</em> ({@code net.ipv4.ip_forward},
 * {@code net.ipv4.conf.all.rp_filter}) or a <em>per-interface template</em>
 * ({@code net.ipv4.conf.<if>.rp_filter}) that stands for every interface name: for each template
 * the whitelist also holds its {@code all} and {@code default} variants as concrete parameters.
 *
 * <p>{@link #resolve(String)} is the only way from a name to a file: the path comes from the
 * whitelist entry, and the only caller text that can reach it is an interface name checked against
 * the kernel's rules (no {@code /}, not {@code .} or {@code ..}, at most 15 bytes, printable
 * ASCII). The full list, with types and ranges, is in {@code docs/sysctl.md}, generated from this
 * class.
 */
public final class SysctlParameter {
  /** Where net sysctls live; every resolved path is below it. */
  public static final Path ROOT = Path.of("/proc/sys/net");

  /** Stands for the interface name in the name of a per-interface template. */
  public static final String INTERFACE = "<if>";

  /** Longest parameter name accepted (well above the longest whitelisted one). */
  static final int MAX_NAME_LENGTH = 128;

  /** Longest value text accepted. */
  static final int MAX_VALUE_LENGTH = 64;

  /** Whether network namespaces have their own value; measured on Linux 6.18. */
  public enum Scope {
    /** Every network namespace has its own value; a fresh namespace starts from the default. */
    PER_NAMESPACE("per namespace"),
    /**
     * One value for the whole machine. It is visible in every namespace but writable only in the
     * initial one (mode 0444 elsewhere): {@code net.netfilter.nf_conntrack_max}.
     */
    GLOBAL("global: writable only in the initial namespace"),
    /**
     * Exists only in the initial network namespace ({@code net.nf_conntrack_max}, an alias kept for
     * old tools); absent in every other.
     */
    INITIAL_NAMESPACE_ONLY("initial namespace only");

    private final String label;

    Scope(String label) {
      this.label = label;
    }

    /** How docs show the scope. */
    public String label() {
      return label;
    }
  }

  /** The section a parameter is listed under in docs. */
  public enum Group {
    IPV4("IPv4"),
    IPV4_INTERFACE("IPv4 per interface"),
    IPV6("IPv6"),
    IPV6_INTERFACE("IPv6 per interface"),
    TCP("TCP"),
    ICMP("ICMP"),
    CONNTRACK("Connection tracking");

    private final String title;

    Group(String title) {
      this.title = title;
    }

    /** The section title. */
    public String title() {
      return title;
    }
  }

  private final String name;
  private final SysctlType type;
  private final String description;
  private final Scope scope;
  private final Group group;
  private final boolean inSeed;
  private final List<String> segments; // below ROOT; a template holds INTERFACE at one position
  private final int interfaceIndex; // index of INTERFACE in segments, or -1
  private final @Nullable Resolved resolved; // concrete parameters only

  SysctlParameter(
      String name, SysctlType type, String description, Scope scope, Group group, boolean inSeed) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.description = Objects.requireNonNull(description, "description");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.group = Objects.requireNonNull(group, "group");
    this.inSeed = inSeed;
    if (!name.startsWith("net.")) {
      throw new IllegalArgumentException("not a net.* parameter: " + name);
    }
    List<String> segs = List.of(name.substring("net.".length()).split("\\.", -1));
    for (String s : segs) {
      if (s.isEmpty() || !(s.equals(INTERFACE) || s.matches("[a-z0-9_]+"))) {
        throw new IllegalArgumentException("bad segment \"" + s + "\" in " + name);
      }
    }
    this.segments = segs;
    this.interfaceIndex = segs.indexOf(INTERFACE);
    if (interfaceIndex >= 0 && segs.lastIndexOf(INTERFACE) != interfaceIndex) {
      throw new IllegalArgumentException("more than one " + INTERFACE + " in " + name);
    }
    this.resolved = interfaceIndex < 0 ? new Resolved(this, name, String.join("/", segs), null) : null;
  }

  /** The parameter's name, e.g. {@code net.ipv4.ip_forward} or {@code net.ipv4.conf.<if>.rp_filter}. */
  public String name() {
    return name;
  }

  /** The values it accepts. */
  public SysctlType type() {
    return type;
  }

  /** One line on what it does. */
  public String description() {
    return description;
  }

  /** Whether network namespaces have their own value. */
  public Scope scope() {
    return scope;
  }

  /** The docs section it belongs to. */
  public Group group() {
    return group;
  }

  /** Whether the seed library's whitelist (38 parameters) had it. */
  public boolean inSeed() {
    return inSeed;
  }

  /** Whether this is a per-interface template ({@code net.ipv4.conf.<if>.rp_filter}). */
  public boolean perInterface() {
    return interfaceIndex >= 0;
  }

  /**
   * The file of a concrete parameter.
   *
   * @throws IllegalStateException for a per-interface template: use {@link #forInterface(String)}
   */
  public Resolved resolved() {
    if (resolved == null) {
      throw new IllegalStateException(name + " is per interface: use forInterface(name)");
    }
    return resolved;
  }

  /**
   * This template for one interface: {@code net.ipv4.conf.<if>.rp_filter} with {@code eth0} is
   * {@code net.ipv4.conf.eth0.rp_filter}. {@code all} and {@code default} give the concrete
   * parameters of those names.
   *
   * @throws IllegalStateException if this parameter is not per interface
   * @throws SysctlException ({@link SysctlException.Reason#INVALID_NAME}) if the interface name is
   *     not valid
   */
  public Resolved forInterface(String interfaceName) {
    Objects.requireNonNull(interfaceName, "interfaceName");
    if (interfaceIndex < 0) {
      throw new IllegalStateException(name + " is not per interface");
    }
    List<String> segs = new ArrayList<>(segments);
    segs.set(interfaceIndex, interfaceName);
    String concreteName = "net." + String.join(".", segs);
    SysctlParameter concrete = Whitelist.CONCRETE.get(concreteName);
    if (concrete != null) {
      return concrete.resolved();
    }
    String problem = InterfaceNames.problem(interfaceName);
    if (problem != null) {
      throw new SysctlException(
          SysctlException.Reason.INVALID_NAME,
          concreteName,
          "invalid sysctl name \"" + Numbers.show(concreteName) + "\": " + problem);
    }
    return new Resolved(this, concreteName, String.join("/", segs), interfaceName);
  }

  /**
   * Checks {@code value} against the type and returns the canonical text that would be written.
   *
   * @throws SysctlException ({@link SysctlException.Reason#INVALID_VALUE}) naming this parameter
   *     and what is allowed
   */
  public String normalize(String value) {
    return normalize(name, value);
  }

  String normalize(String concreteName, String value) {
    Objects.requireNonNull(value, "value");
    String problem;
    if (value.indexOf('\0') >= 0) {
      problem = "the value contains a NUL character";
    } else if (value.length() > MAX_VALUE_LENGTH) {
      problem = "the value is longer than " + MAX_VALUE_LENGTH + " characters";
    } else {
      try {
        return type.normalize(value);
      } catch (IllegalArgumentException e) {
        problem = e.getMessage();
      }
    }
    throw new SysctlException(
        SysctlException.Reason.INVALID_VALUE,
        concreteName,
        concreteName + ": " + problem + " (nothing was written)");
  }

  @Override
  public String toString() {
    return name + " (" + type.kind() + " " + type.allowed() + ")";
  }

  // ---------------------------------------------------------------------------------------------
  // The whitelist

  /** Every whitelisted parameter, concrete and per-interface templates, in docs order. */
  public static List<SysctlParameter> all() {
    return Whitelist.ALL;
  }

  /** The concrete parameters (no templates), in docs order. */
  public static List<SysctlParameter> concrete() {
    return Whitelist.CONCRETE_LIST;
  }

  /** The per-interface templates, in docs order. */
  public static List<SysctlParameter> templates() {
    return Whitelist.TEMPLATES;
  }

  /**
   * The whitelist entry with exactly this name: a concrete name or a template name with
   * {@code <if>}; empty for anything else.
   */
  public static Optional<SysctlParameter> byName(String name) {
    SysctlParameter p = Whitelist.CONCRETE.get(name);
    if (p == null) {
      p = Whitelist.TEMPLATES_BY_NAME.get(name);
    }
    return Optional.ofNullable(p);
  }

  /**
   * Turns a parameter name into its file, through the whitelist only.
   *
   * @param name e.g. {@code net.ipv4.ip_forward}, {@code net.ipv4.conf.eth0.rp_filter}
   * @throws SysctlException {@link SysctlException.Reason#INVALID_NAME} for an empty name, NUL,
   *     {@code /}, white space, a name outside {@code net.}, or an invalid interface;
   *     {@link SysctlException.Reason#NOT_WHITELISTED} for any other name not in the whitelist
   */
  public static Resolved resolve(String name) {
    Objects.requireNonNull(name, "name");
    String problem = nameProblem(name);
    if (problem != null) {
      throw new SysctlException(
          SysctlException.Reason.INVALID_NAME,
          name,
          "invalid sysctl name \"" + Numbers.show(name) + "\": " + problem);
    }
    SysctlParameter p = Whitelist.CONCRETE.get(name);
    if (p != null) {
      return p.resolved();
    }
    SysctlParameter template = Whitelist.TEMPLATES_BY_NAME.get(name);
    if (template != null) {
      throw new SysctlException(
          SysctlException.Reason.INVALID_NAME,
          name,
          "invalid sysctl name \"" + name + "\": " + INTERFACE + " stands for an interface name: write "
              + template.forInterface("eth0").name() + ", or all or default in its place");
    }
    for (SysctlParameter t : Whitelist.TEMPLATES) {
      String prefix = t.namePrefix();
      String suffix = t.nameSuffix();
      if (name.length() > prefix.length() + suffix.length()
          && name.startsWith(prefix)
          && name.endsWith(suffix)) {
        return t.forInterface(name.substring(prefix.length(), name.length() - suffix.length()));
      }
    }
    List<String> names = new ArrayList<>();
    for (SysctlParameter q : Whitelist.ALL) {
      names.add(q.name());
    }
    String hint = Suggestions.closest(name, names);
    throw new SysctlException(
        SysctlException.Reason.NOT_WHITELISTED,
        name,
        name + " is not in the sysctl whitelist"
            + (hint != null ? "; did you mean " + hint + "?" : "")
            + " (the whitelisted parameters: SysctlParameter.all(), docs/sysctl.md)");
  }

  private static @Nullable String nameProblem(String name) {
    if (name.isEmpty()) {
      return "the name is empty";
    }
    if (name.indexOf('\0') >= 0) {
      return "it contains a NUL character";
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return "it is longer than " + MAX_NAME_LENGTH + " characters";
    }
    if (name.indexOf('/') >= 0) {
      return "it contains '/'; write names with dots, e.g. net.ipv4.ip_forward";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        return "it contains white space or a control character";
      }
    }
    if (!name.startsWith("net.")) {
      return "only network parameters (net.*) can be read or written";
    }
    return null;
  }

  private String namePrefix() {
    return "net." + String.join(".", segments.subList(0, interfaceIndex)) + ".";
  }

  private String nameSuffix() {
    return "." + String.join(".", segments.subList(interfaceIndex + 1, segments.size()));
  }

  /**
   * A whitelisted parameter bound to one file: what a {@link SysctlBackend} reads or writes.
   * Only the whitelist creates these, so a backend can trust that {@link #path()} is one of the
   * whitelisted files below {@link SysctlParameter#ROOT}.
   */
  public static final class Resolved {
    private final SysctlParameter parameter;
    private final String name;
    private final String relativePath;
    private final @Nullable String interfaceName;

    /** Why a namespace may lack this sysctl: said the same by every backend that finds it missing. */
    String whyMissing() {
      if (parameter.scope() == Scope.INITIAL_NAMESPACE_ONLY) {
        return "it exists only in the initial network namespace";
      }
      if (interfaceName != null) {
        return "is there an interface named \"" + interfaceName + "\" in it?";
      }
      return "the kernel does not provide it here (module not loaded, or the protocol disabled)";
    }

    Resolved(
        SysctlParameter parameter, String name, String relativePath, @Nullable String interfaceName) {
      this.parameter = parameter;
      this.name = name;
      this.relativePath = relativePath;
      this.interfaceName = interfaceName;
      Path p = ROOT.resolve(relativePath);
      // Defence in depth: the segments were checked, so this cannot fail.
      if (!p.normalize().equals(p) || !p.startsWith(ROOT) || p.getNameCount() <= ROOT.getNameCount()) {
        throw new IllegalStateException("sysctl path escapes " + ROOT + ": " + p);
      }
    }

    /** The whitelist entry (a template for a per-interface parameter). */
    public SysctlParameter parameter() {
      return parameter;
    }

    /** The concrete name, e.g. {@code net.ipv4.conf.eth0.rp_filter}. */
    public String name() {
      return name;
    }

    /**
     * The path below {@code /proc/sys/net}, e.g. {@code ipv4/conf/eth0/rp_filter}: what a helper
     * process is told to open (relative to its own descriptor of {@code /proc/sys/net}).
     */
    public String relativePath() {
      return relativePath;
    }

    /** The absolute path, e.g. {@code /proc/sys/net/ipv4/conf/eth0/rp_filter}. */
    public Path path() {
      return ROOT.resolve(relativePath);
    }

    /** The interface of a per-interface parameter; empty for {@code all}, {@code default} and global ones. */
    public Optional<String> interfaceName() {
      return Optional.ofNullable(interfaceName);
    }

    /**
     * Checks {@code value} against the parameter's type and returns the canonical text to write.
     *
     * @throws SysctlException ({@link SysctlException.Reason#INVALID_VALUE})
     */
    public String normalize(String value) {
      return parameter.normalize(name, value);
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Resolved r && r.name.equals(name) && r.parameter == parameter;
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Builds lookup maps once. */
  static Map<String, SysctlParameter> index(List<SysctlParameter> list) {
    Map<String, SysctlParameter> m = new LinkedHashMap<>();
    for (SysctlParameter p : list) {
      if (m.put(p.name(), p) != null) {
        throw new IllegalStateException("duplicate whitelist entry " + p.name());
      }
    }
    return m;
  }
}
