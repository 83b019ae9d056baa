package io.eddy.sql.connector;

import io.eddy.sql.catalog.CatalogTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds the {@link TableFactory} of a table's 'connector' option and checks its options. */
public final class TableFactories {
  private TableFactories() {}

  public static TableFactory forTable(CatalogTable table) {
    String connector = table.options().get("connector");
    if (connector == null) {
      throw new IllegalArgumentException("Table " + table.name() + " has no 'connector' option");
    }
    Map<String, TableFactory> all = new TreeMap<>();
    for (TableFactory f : ServiceLoader.load(TableFactory.class, TableFactories.class.getClassLoader())) {
      all.put(f.identifier(), f);
    }
    TableFactory factory = all.get(connector);
    if (factory == null) {
      throw new IllegalArgumentException("Table " + table.name() + ": unknown connector '" + connector
          + "'; available: " + String.join(", ", all.keySet()));
    }
    List<String> unknown = new ArrayList<>();
    for (String key : table.options().keySet()) {
      if (!key.equals("connector") && !factory.options().contains(key)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("Table " + table.name() + ": connector '" + connector
          + "' does not support the option(s) " + unknown + "; supported: " + new java.util.TreeSet<>(factory.options()));
    }
    return factory;
  }
}
