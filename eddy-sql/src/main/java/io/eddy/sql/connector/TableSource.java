package io.eddy.sql.connector;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.ChangelogMode;

/**
 * What a connector reads for a table scan: a stream of rows of the table's physical columns,
 * and the kinds of change it contains.
 */
public interface TableSource {
  DataStream<Row> produce(StreamEnvironment env, String name);

  default ChangelogMode changelogMode() {
    return ChangelogMode.insertOnly();
  }
}
