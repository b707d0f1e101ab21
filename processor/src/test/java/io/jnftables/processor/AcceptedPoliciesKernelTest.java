package io.jnftables.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.jnftables.batch.Batch;
import io.jnftables.client.Nftables;
import io.jnftables.model.Chain;
import io.jnftables.model.Flowtable;
import io.jnftables.model.NamedSet;
import io.jnftables.model.Rule;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Verb;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.validate.InvalidValueException;
import io.jnftables.validate.IpAddress;
import io.jnftables.validate.IpPrefix;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.DynamicTest;

/**
 * Accepted means accepted: every policy of the processor's tests that compiles — each file under
 * {@code src/test/resources/policies} and each inline policy of {@link DiagnosticsTest} that
 * compiles (with warnings) — is applied to a fresh network namespace, and the kernel takes it
 * and lists back its chains, sets and rules. Rules with placeholders are bound with sample values
 * of their parameter types. Applying it a second time (the replace path of {@code toBatch()})
 * gives the same listing. Flowtables are checked up to the JSON: this kernel has none.
 */
@Tag("kernel")
class AcceptedPoliciesKernelTest {
  static final Path POLICIES = Path.of("src/test/resources/policies");

  @TestFactory
  Stream<DynamicTest> everyCompilingPolicyIsAcceptedByTheKernel() throws Exception {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(POLICIES)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList())) {
        if (p.getFileName().toString().equals("package-info.java")) {
          continue;
        }
        String rel = POLICIES.relativize(p).toString();
        List<JavaFileObject> unit = new ArrayList<>(List.of(Compiled.resource(rel)));
        Path info = p.resolveSibling("package-info.java");
        if (Files.exists(info)) {
          unit.add(Compiled.resource(POLICIES.relativize(info).toString()));
        }
        names.add(rel);
        compilations.add(Compiled.compile(unit.toArray(new JavaFileObject[0])));
      }
    }
    for (DiagnosticsTest.Inline inline : DiagnosticsTest.compilingPolicies()) {
      names.add("DiagnosticsTest." + inline.name());
      compilations.add(Compiled.compile(inline.source()));
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Compilation c = compilations.get(i);
      tests.add(DynamicTest.dynamicTest(names.get(i), () -> applyAll(c)));
    }
    assertTrue(tests.size() >= 6, "policies found: " + names);
    return tests.stream();
  }

  private final List<Compilation> compilations = new ArrayList<>();

  private static void applyAll(Compilation c) throws Exception {
    assertThat(c).succeeded();
    List<String> rulesets = c.generatedSourceFiles().stream()
        .map(f -> f.getName().replaceAll(".*/SOURCE_OUTPUT/", "").replace(".java", "").replace('/', '.'))
        .sorted()
        .collect(Collectors.toList());
    assertFalse(rulesets.isEmpty());
    ClassLoader loader = Compiled.classLoader(c);
    for (String name : rulesets) {
      Class<?> ruleset = Class.forName(name, true, loader);
      Batch batch = (Batch) ruleset.getMethod("toBatch").invoke(null);
      assertEquals(ruleset.getMethod("toJson").invoke(null), batch.toJson());
      Batch.Builder all = Batch.builder().addAll(batch);
      for (Class<?> nested : ruleset.getDeclaredClasses()) {
        for (Method m : nested.getDeclaredMethods()) {
          if (Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers())
              && m.getReturnType() == Rule.class && m.getParameterCount() > 0) {
            all.add(bind(m));
          }
        }
      }
      Batch full = all.build();
      if (full.commands().stream().anyMatch(cmd -> cmd.object() instanceof Flowtable)) {
        // the kernel here lacks flowtables: the JSON is what it would get
        assertTrue(full.toJson().contains("\"flowtable\""));
        continue;
      }
      try (Nftables nft = Nftables.open(NetnsTarget.fresh())) {
        ruleset.getMethod("apply", Nftables.class).invoke(null, nft); // the generated apply(Nftables)
        Batch bound = Batch.of(full.commands().subList(batch.size(), full.size()));
        if (!bound.isEmpty()) {
          nft.submit(bound);
        }
        Ruleset first = nft.listRuleset();
        assertEquals(0, first.rawCount());
        assertEquals(count(full, Rule.class), first.rules().size(), name + ": rules listed back");
        assertEquals(
            full.commands().stream().filter(x -> x.verb() == Verb.ADD && x.object() instanceof Chain)
                .map(x -> ((Chain) x.object()).name()).sorted().collect(Collectors.toList()),
            first.chains().stream().map(Chain::name).sorted().collect(Collectors.toList()));
        assertEquals(count(full, NamedSet.class), first.sets().size(), name + ": sets and maps listed back");
        String text = nft.listRulesetText();
        nft.submit(full); // the same policy again: the table is replaced, not duplicated
        assertEquals(text, nft.listRulesetText(), name + ": applying twice gives the same table");
      }
    }
  }

  private static long count(Batch b, Class<?> type) {
    return b.commands().stream().filter(c -> c.verb() == Verb.ADD && type.isInstance(c.object())).count();
  }

  /** Calls a generated rule method with sample values; IPv6 where IPv4 is refused. */
  private static Rule bind(Method m) throws Exception {
    for (int attempt = 0; attempt < 1 << m.getParameterCount(); attempt++) {
      Object[] args = new Object[m.getParameterCount()];
      for (int i = 0; i < args.length; i++) {
        args[i] = sample(m.getGenericParameterTypes()[i], ((attempt >> i) & 1) == 1);
      }
      try {
        return (Rule) m.invoke(null, args);
      } catch (InvocationTargetException e) {
        if (!(e.getCause() instanceof InvalidValueException)) {
          throw e;
        }
      }
    }
    throw new AssertionError("no sample values fit " + m);
  }

  private static Object sample(Type t, boolean v6) throws Exception {
    if (t instanceof ParameterizedType p) {
      Object one = sample(p.getActualTypeArguments()[0], v6);
      Class<?> raw = (Class<?>) p.getRawType();
      return raw == Set.class ? Set.of(one) : List.of(one);
    }
    Class<?> c = (Class<?>) t;
    if (c == int.class || c == Integer.class || c == short.class || c == Short.class) {
      return c == short.class || c == Short.class ? (Object) (short) 22 : (Object) 22;
    }
    if (c == long.class || c == Long.class) {
      return 7L;
    }
    if (c == String.class) {
      return "eth0";
    }
    if (c == IpPrefix.class) {
      return v6 ? new IpPrefix(IpAddress.parse("2001:db8::"), 32) : new IpPrefix(IpAddress.parse("10.0.0.0"), 8);
    }
    if (c == IpAddress.class) {
      return IpAddress.parse(v6 ? "2001:db8::5" : "10.1.2.3");
    }
    if (InetAddress.class.isAssignableFrom(c)) {
      boolean six = c == java.net.Inet6Address.class || (c == InetAddress.class && v6);
      return InetAddress.getByAddress(IpAddress.parse(six ? "2001:db8::5" : "10.1.2.3").bytes());
    }
    if (Collection.class.isAssignableFrom(c)) {
      throw new AssertionError("raw collection " + c);
    }
    return null; // a DSL rule's parameter of another type: the method decides
  }
}
