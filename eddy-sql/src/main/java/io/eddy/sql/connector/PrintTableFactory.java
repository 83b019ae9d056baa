package io.eddy.sql.connector;

import io.eddy.api.connector.PrintSink;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.sql.catalog.CatalogTable;
import io.eddy.table.runtime.ChangelogMode;
import java.util.Set;

/**
 * The 'print' connector: writes every change to standard output (or error with
 * 'standard-error' = 'true') as Flink prints rows, {@code +I[1, a]}, prefixed by
 * 'print-identifier' if given. Accepts every kind of change.
 */
public final class PrintTableFactory implements TableFactory {
  @Override
  public String identifier() {
    return "print";
  }

  @Override
  public Set<String> options() {
    return Set.of("print-identifier", "standard-error");
  }

  @Override
  public TableSource createSource(CatalogTable table) {
    throw new UnsupportedOperationException("Table " + table.name() + ": the print connector can only be written to");
  }

  @Override
  public TableSink createSink(CatalogTable table) {
    String prefix = table.options().containsKey("print-identifier") ? table.options().get("print-identifier") + "> " : "";
    boolean stdErr = Boolean.parseBoolean(table.option("standard-error", "false"));
    return new TableSink() {
      @Override
      public ChangelogMode acceptedChanges() {
        return ChangelogMode.all();
      }

      @Override
      public void consume(DataStream<Row> rows, String name) {
        rows.map(row -> prefix + row).sinkTo(new PrintSink<>(stdErr)).name(name);
      }
    };
  }
}
