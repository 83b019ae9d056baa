package io.eddy.sql;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * The class loader of a SQL session: Eddy's classes plus the jars added with {@code ADD JAR}
 * (Flink's statement), where user functions are found. Jobs of the session run with it as their
 * threads' context class loader, so their copies of the functions resolve the same classes.
 */
final class SessionClassLoader extends URLClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final List<String> jars = new ArrayList<>();

  SessionClassLoader(ClassLoader parent) {
    super("eddy-sql-session", new URL[0], parent);
  }

  void addJar(String path, URL url) {
    addURL(url);
    jars.add(path);
  }

  /** The added jars as the user named them, in order. */
  List<String> jars() {
    return List.copyOf(jars);
  }
}
