package io.eddy.sql.connector;

import io.eddy.sql.catalog.CatalogTable;
import java.util.Set;

/**
 * A connector usable in {@code WITH ('connector' = '<identifier>')}, found by
 * {@link java.util.ServiceLoader} (META-INF/services/io.eddy.sql.connector.TableFactory), so other
 * modules (eddy-nexmark) can add connectors without eddy-sql depending on them. A factory that
 * cannot read or write throws {@link UnsupportedOperationException} saying so.
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
}
