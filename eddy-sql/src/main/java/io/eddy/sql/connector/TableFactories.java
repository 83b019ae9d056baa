package io.eddy.sql.connector;

import io.eddy.api.config.EditDistance;
import io.eddy.sql.catalog.CatalogTable;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the {@link TableFactory} of a table's 'connector' option and checks its options: an
 * unknown connector or option is an error naming it and the closest known one.
 */
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
      throw new IllegalArgumentException("Table " + table.name() + ": unknown connector '" + connector + "'"
          + didYouMean(connector, all.keySet()) + "; available: " + String.join(", ", all.keySet()));
    }
    Set<String> known = new TreeSet<>(factory.options(table));
    for (String key : table.options().keySet()) {
      if (!key.equals("connector") && !known.contains(key)) {
        throw new IllegalArgumentException("Table " + table.name() + ": connector '" + connector
            + "' does not support the option '" + key + "'" + didYouMean(key, known) + "; supported: " + known);
      }
    }
    return factory;
  }

  private static String didYouMean(String key, Set<String> known) {
    String closest = EditDistance.closest(key, known);
    return closest == null ? "" : " (did you mean '" + closest + "'?)";
  }
}
