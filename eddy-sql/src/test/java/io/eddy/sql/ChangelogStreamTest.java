package io.eddy.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.config.Configuration;
import io.eddy.api.datastream.CloseableIterator;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.table.runtime.ChangelogMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * toChangelogStream in a retract mode gives -U/+U pairs; in an upsert mode (what a sink that
 * takes no -U rows asks, as Flink's blackhole) the same query is planned without -U rows, and
 * applying its changes by the upsert key gives the same table as folding the retract changelog.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ChangelogStreamTest {
  private static final String QUERY = "SELECT k, SUM(v) AS s, COUNT(*) AS c FROM t GROUP BY k";

  @TempDir
  Path dir;

  private List<Row> changes(ChangelogMode mode) throws Exception {
    Path events = dir.resolve("events.jsonl");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      lines.add("{\"k\":\"k" + (i % 3) + "\",\"v\":" + i + "}");
    }
    Files.write(events, lines);
    TableEnvironment tables = TableEnvironment.create(new Configuration());
    tables.executeSql("CREATE TABLE t (k STRING, v BIGINT) WITH ('connector' = 'filesystem', 'path' = '"
        + events + "', 'format' = 'json')");
    StreamEnvironment env = StreamEnvironment.create(new Configuration());
    env.setParallelism(1);
    List<Row> out = new ArrayList<>();
    try (CloseableIterator<Row> rows = tables.toChangelogStream(env, QUERY, mode).executeAndCollect()) {
      rows.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void anUpsertModeOmitsUpdateBeforeRowsAndGivesTheSameTable() throws Exception {
    List<Row> retract = changes(ChangelogMode.all());
    List<Row> upsert = changes(ChangelogMode.upsert());
    assertThat(retract).extracting(Row::getKind).contains(RowKind.UPDATE_BEFORE);
    assertThat(upsert).extracting(Row::getKind).doesNotContain(RowKind.UPDATE_BEFORE).contains(RowKind.UPDATE_AFTER);
    assertThat(byKey(upsert)).isEqualTo(byKey(retract)).hasSize(3);
  }

  /** The table of a changelog applied by its first field, the upsert key; a -U row removes its key. */
  private static Map<Object, String> byKey(List<Row> changes) {
    Map<Object, String> table = new HashMap<>();
    for (Row change : changes) {
      if (change.getKind().isAccumulate()) {
        table.put(change.getField(0), Row.wrap(RowKind.INSERT, fields(change)).toString());
      } else {
        table.remove(change.getField(0));
      }
    }
    return table;
  }

  private static Object[] fields(Row row) {
    Object[] values = new Object[row.getArity()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.getField(i);
    }
    return values;
  }
}
