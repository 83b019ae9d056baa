package io.eddy.sql.connector;

import io.eddy.sql.catalog.CatalogTable;
import java.util.Set;

/**
 * A connector usable in {@code WITH ('connector' = '<identifier>')}, found by
 * {@link java.util.ServiceLoader} (META-INF/services/io.eddy.sql.connector.TableFactory), so other
 * modules (eddy-nexmark) can add connectors without eddy-sql depending on them. A factory that
 * cannot read or write throws {@link UnsupportedOperationException} saying so; one that can be
 * looked up (jdbc) also gives a {@link LookupTableSource}.
 */
public interface TableFactory {
  String identifier();

  /** The option keys it understands besides 'connector'; others are rejected, naming them. */
  Set<String> options();

  /**
   * The option keys it understands for this table, for connectors whose keys depend on the
   * columns (datagen's {@code fields.<column>.kind}).
   */
  default Set<String> options(CatalogTable table) {
    return options();
  }

  TableSource createSource(CatalogTable table);

  TableSink createSink(CatalogTable table);

  /** The table as a lookup source for lookup joins, or null if the connector cannot be looked up. */
  default LookupTableSource createLookupSource(CatalogTable table) {
    return null;
  }
}
