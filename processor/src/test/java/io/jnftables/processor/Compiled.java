package io.jnftables.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Test helpers: compile with the processor, and load the classes a compilation produced. */
final class Compiled {
  private Compiled() {}

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new NftablesProcessor()).compile(sources);
  }

  static JavaFileObject resource(String path) {
    return JavaFileObjects.forResource("policies/" + path);
  }

  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  static String generatedSource(Compilation compilation, String qualifiedName) {
    JavaFileObject file = compilation.generatedSourceFile(qualifiedName)
        .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName));
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads the classes a compilation wrote; everything else comes from the test class path. */
  static ClassLoader classLoader(Compilation compilation) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject f : compilation.generatedFiles()) {
      if (f.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = f.toUri().getPath();
      String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(), path.length() - ".class".length())
          .replace('/', '.');
      try (InputStream in = f.openInputStream()) {
        classes.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ClassLoader(Compiled.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
  }

  /** Calls a public static no-argument method of a compiled class. */
  static Object call(Compilation compilation, String className, String method) throws ReflectiveOperationException {
    Class<?> type = Class.forName(className, true, classLoader(compilation));
    return type.getMethod(method).invoke(null);
  }
}
