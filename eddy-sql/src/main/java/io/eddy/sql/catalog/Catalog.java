package io.eddy.sql.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables, views and functions of a session, by case-sensitive name (Flink's identifiers
 * are case-sensitive); a table and a view cannot share a name. Not thread-safe: one session uses
 * it on one thread.
 */
public final class Catalog {
  private final Map<String, CatalogTable> tables = new LinkedHashMap<>();
  private final Map<String, CatalogView> views = new LinkedHashMap<>();
  private final Map<String, String> functions = new LinkedHashMap<>();

  public CatalogTable table(String name) {
    return tables.get(name);
  }

  public CatalogView view(String name) {
    return views.get(name);
  }

  /** The Java class name of a user function, or null. */
  public String function(String name) {
    return functions.get(name);
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

  public void addFunction(String name, String className) {
    if (functions.containsKey(name)) {
      throw new IllegalArgumentException("Function " + name + " already exists");
    }
    functions.put(name, className);
  }

  /** Removes a table, view or function; returns whether it existed. */
  public boolean drop(String kind, String name) {
    return switch (kind) {
      case "TABLE" -> tables.remove(name) != null;
      case "VIEW" -> views.remove(name) != null;
      default -> functions.remove(name) != null;
    };
  }

  public List<String> tableNames() {
    return new ArrayList<>(tables.keySet());
  }

  public List<String> viewNames() {
    return new ArrayList<>(views.keySet());
  }

  public List<String> functionNames() {
    return new ArrayList<>(functions.keySet());
  }

  private void requireFree(String name) {
    if (contains(name)) {
      throw new IllegalArgumentException("A table or view named " + name + " already exists");
    }
  }
}
