package io.eddy.cli;

import io.eddy.api.config.Configuration;
import io.eddy.api.datastream.ContextConfiguration;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A user's job jar run the way {@code flink run} runs one: the main class from {@code --class}
 * or the jar's manifest, loaded by a class loader of its own whose parent holds Eddy (so the
 * job sees the same API classes as the runtime), and called with the job's arguments while the
 * given configuration is the default of every environment it creates ({@link ContextConfiguration}).
 */
final class JobJar {
  private final Path jar;

  JobJar(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("No such job jar: " + jar);
    }
    this.jar = jar;
  }

  /** {@code explicit} if given, else the manifest's Main-Class (Flink also reads program-class). */
  String mainClass(String explicit) throws IOException {
    if (explicit != null) {
      return explicit;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      if (manifest != null) {
        for (String attribute : new String[] {"program-class", "Main-Class"}) {
          String value = manifest.getMainAttributes().getValue(attribute);
          if (value != null && !value.isBlank()) {
            return value.trim();
          }
        }
      }
    }
    throw new IllegalArgumentException("The jar " + jar + " names no main class in its manifest (Main-Class): "
        + "give one with --class");
  }

  /** Runs {@code className}'s main with {@code args}; the job's own exceptions come back unwrapped. */
  void run(String className, String[] args, Configuration defaults) throws Exception {
    ClassLoader parent = JobJar.class.getClassLoader();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, parent)) {
      Method main = mainMethod(loader, className);
      thread.setContextClassLoader(loader);
      ContextConfiguration.runWith(defaults, () -> {
        try {
          main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
          throw e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
        }
        return null;
      });
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private Method mainMethod(ClassLoader loader, String className) {
    Class<?> type;
    try {
      type = Class.forName(className, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("The main class " + className + " is not in " + jar);
    }
    try {
      Method main = type.getMethod("main", String[].class);
      if (!Modifier.isStatic(main.getModifiers())) {
        throw new NoSuchMethodException();
      }
      return main;
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(className + " has no public static void main(String[])");
    }
  }
}
