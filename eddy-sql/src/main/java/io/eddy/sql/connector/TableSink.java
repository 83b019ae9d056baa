package io.eddy.sql.connector;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.ChangelogMode;

/**
 * Where INSERT INTO writes: it declares the changes it accepts ({@link ChangelogMode#insertOnly()}
 * for append sinks such as files, all kinds for print and blackhole) and consumes the rows,
 * already in the table's physical column order and types.
 */
public interface TableSink {
  ChangelogMode acceptedChanges();

  void consume(DataStream<Row> rows, String name);
}
