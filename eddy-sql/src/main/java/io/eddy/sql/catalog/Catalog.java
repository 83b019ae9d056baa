package io.eddy.sql.catalog;

import io.eddy.sql.connector.TableSource;
import io.eddy.table.functions.UserDefinedFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables, views and functions of a session. Tables and views go by case-sensitive name
 * (Flink's identifiers are case-sensitive) and cannot share one; functions, as in Flink, by
 * case-insensitive name, the user's (CREATE FUNCTION) hiding the modules' of the same name.
 * Not thread-safe: one session uses it on one thread.
 */
public final class Catalog {
  private final Map<String, CatalogTable> tables = new LinkedHashMap<>();
  private final Map<String, CatalogView> views = new LinkedHashMap<>();
  private final Map<String, Class<? extends UserDefinedFunction>> functions = new LinkedHashMap<>();
  private final Map<String, Class<? extends UserDefinedFunction>> moduleFunctions = new LinkedHashMap<>();
  private final Map<String, TableSource> fedSources = new LinkedHashMap<>();

  public CatalogTable table(String name) {
    return tables.get(name);
  }

  public CatalogView view(String name) {
    return views.get(name);
  }

  /** The class of a user or module function, or null. */
  public Class<? extends UserDefinedFunction> function(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    Class<? extends UserDefinedFunction> f = functions.get(key);
    return f != null ? f : moduleFunctions.get(key);
  }

  /**
   * Makes table {@code name} read from {@code source} instead of its connector, for a program
   * that builds the input stream itself (eddy nexmark --sql feeds its event source this way).
   */
  public void feed(String name, TableSource source) {
    if (!tables.containsKey(name)) {
      throw new IllegalArgumentException("Table " + name + " does not exist");
    }
    fedSources.put(name, source);
  }

  /** The source fed to table {@code name}, or null if it reads from its connector. */
  public TableSource fedSource(String name) {
    return fedSources.get(name);
  }

  public boolean contains(String name) {
    return tables.containsKey(name) || views.containsKey(name);
  }

  public void addTable(CatalogTable table) {
    requireFree(table.name());
    tables.put(table.name(), table);
  }

  public void addView(CatalogView view) {
    requireFree(view.name());
    views.put(view.name(), view);
  }

  public boolean containsFunction(String name) {
    return functions.containsKey(name.toLowerCase(Locale.ROOT));
  }

  public void addFunction(String name, Class<? extends UserDefinedFunction> function) {
    if (functions.putIfAbsent(name.toLowerCase(Locale.ROOT), function) != null) {
      throw new IllegalArgumentException("Function " + name + " already exists");
    }
  }

  /** A function of a module loaded with the session (as Flink's LOAD MODULE provides them). */
  public void addModuleFunction(String name, Class<? extends UserDefinedFunction> function) {
    moduleFunctions.put(name.toLowerCase(Locale.ROOT), function);
  }

  /** Removes a table, view or function; returns whether it existed. */
  public boolean drop(String kind, String name) {
    return switch (kind) {
      case "TABLE" -> {
        fedSources.remove(name);
        yield tables.remove(name) != null;
      }
      case "VIEW" -> views.remove(name) != null;
      default -> functions.remove(name.toLowerCase(Locale.ROOT)) != null;
    };
  }

  public List<String> tableNames() {
    return new ArrayList<>(tables.keySet());
  }

  public List<String> viewNames() {
    return new ArrayList<>(views.keySet());
  }

  /** Names of the user's and the modules' functions. */
  public List<String> functionNames() {
    java.util.Set<String> names = new java.util.TreeSet<>(moduleFunctions.keySet());
    names.addAll(functions.keySet());
    return new ArrayList<>(names);
  }

  private void requireFree(String name) {
    if (contains(name)) {
      throw new IllegalArgumentException("A table or view named " + name + " already exists");
    }
  }
}
