package io.jnftables.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** An exception inside the processor becomes an NFT100 error; it never escapes into javac. */
class InternalErrorTest {

  @Test
  void exceptionBecomesAnErrorAndProcessClaimsNothing() {
    List<String> errors = new ArrayList<>();
    Messager messager = (Messager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Messager.class},
        (proxy, method, args) -> {
          if (method.getName().equals("printMessage") && args[0] == Diagnostic.Kind.ERROR) {
            errors.add(args[1].toString());
          }
          return null;
        });
    ProcessingEnvironment env = (ProcessingEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ProcessingEnvironment.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "getMessager":
              return messager;
            case "getElementUtils":
              throw new IllegalStateException("boom");
            case "getSourceVersion":
              return SourceVersion.latestSupported();
            default:
              return null;
          }
        });
    RoundEnvironment round = (RoundEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {RoundEnvironment.class}, (proxy, method, args) -> Set.of());
    NftablesProcessor processor = new NftablesProcessor();
    processor.init(env);
    assertFalse(processor.process(Set.of(), round), "never claims the annotations");
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).startsWith("[NFT100] internal error in the jnftables processor while processing the round:"
        + " java.lang.IllegalStateException: boom at "), errors.get(0));
  }

  @Test
  void supportsItsAnnotationsAndTheLatestSourceVersion() {
    NftablesProcessor processor = new NftablesProcessor();
    Set<String> expected = new java.util.HashSet<>(Set.of("io.jnftables.annotations.Table",
        "io.jnftables.annotations.Chain", "io.jnftables.annotations.Rule"));
    for (String object : List.of("Set", "Map", "Counter", "Quota", "Limit", "CtHelper", "CtTimeout", "Flowtable")) {
      expected.add("io.jnftables.annotations." + object); // misplaced ones are reported
      expected.add("io.jnftables.annotations." + object + ".List");
    }
    assertEquals(expected, processor.getSupportedAnnotationTypes());
    assertEquals(SourceVersion.latestSupported(), processor.getSupportedSourceVersion());
  }
}
