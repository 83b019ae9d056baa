package io.eddy.sql.connector;

import io.eddy.api.connector.Sink;
import io.eddy.api.connector.SinkWriter;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.sql.catalog.CatalogTable;
import io.eddy.table.runtime.ChangelogMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test connector 'upsert-test' (Flink tests have 'values' for this): an upsert sink as the planner
 * sees jdbc or upsert-kafka ({@code [I,UA,D]}, keyed by the table's primary key) that keeps the
 * table it is written in memory, by table name, for the test to read. It applies {@code +I}/{@code +U}
 * as upserts and {@code -D} as deletes by the key, and fails on a {@code -U} row: a kind it did
 * not declare must never reach it.
 */
public final class UpsertTestTableFactory implements TableFactory {
  private static final Map<String, Map<Row, Row>> TABLES = new ConcurrentHashMap<>();

  @Override
  public String identifier() {
    return "upsert-test";
  }

  @Override
  public Set<String> options() {
    return Set.of();
  }

  /** The rows written to table {@code name} (empty if none), in no order. */
  public static List<Row> rows(String name) {
    return new ArrayList<>(TABLES.getOrDefault(name, Map.of()).values());
  }

  @Override
  public TableSource createSource(CatalogTable table) {
    throw new UnsupportedOperationException("the upsert-test connector can only be written to");
  }

  @Override
  public TableSink createSink(CatalogTable table) {
    String name = table.name();
    List<String> physical = table.physicalRowType().fieldNames();
    int[] key = table.primaryKey().stream().mapToInt(physical::indexOf).toArray();
    TABLES.put(name, new ConcurrentHashMap<>());
    return new TableSink() {
      @Override
      public ChangelogMode acceptedChanges() {
        return ChangelogMode.upsert();
      }

      @Override
      public void consume(DataStream<Row> rows, String sinkName) {
        rows.sinkTo(new UpsertSink(name, key)).name(sinkName);
      }
    };
  }

  private record UpsertSink(String table, int[] key) implements Sink<Row> {
    @Override
    public SinkWriter<Row> createWriter(WriterInitContext context) {
      Map<Row, Row> rows = TABLES.get(table);
      return new SinkWriter<>() {
        @Override
        public void write(Row row, Context ctx) {
          Object[] fields = new Object[key.length];
          for (int i = 0; i < key.length; i++) {
            fields[i] = row.getField(key[i]);
          }
          Row keyRow = Row.of(fields);
          switch (row.getKind()) {
            case INSERT, UPDATE_AFTER -> rows.put(keyRow, Row.copyWithKind(row, RowKind.INSERT));
            case DELETE -> rows.remove(keyRow);
            case UPDATE_BEFORE -> throw new IllegalStateException("the upsert sink of " + table + " got a -U row: " + row);
          }
        }

        @Override
        public void flush(boolean endOfInput) {}
      };
    }
  }
}
