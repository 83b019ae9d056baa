package io.eddy.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.config.Configuration;
import io.eddy.api.datastream.CloseableIterator;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.types.Row;
import io.eddy.sql.connector.SupportsProjectionPushDown;
import io.eddy.sql.connector.TableSource;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A source that takes a projection reads only the columns and nested fields a query's Calc reads
 * over it (computed columns over the fields they read, the rowtime kept for the watermark), and
 * every query gives the same changelog as over the same source without pushdown.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ProjectionPushDownTest {
  private static final String DDL = "CREATE TABLE ev (kind INT, a ROW<id BIGINT, name STRING, ts TIMESTAMP(3)>,"
      + " b ROW<x BIGINT, y STRING, ts TIMESTAMP(3)>, ts AS CASE WHEN kind = 0 THEN a.ts ELSE b.ts END,"
      + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)"
      + " WITH ('connector' = 'filesystem', 'path' = '/nonexistent/ev.jsonl', 'format' = 'json')";
  private static final String VIEWS = "CREATE VIEW av AS SELECT a.id, a.name, ts FROM ev WHERE kind = 0;"
      + "CREATE VIEW bv AS SELECT b.x, b.y, ts FROM ev WHERE kind = 1";

  private static final List<Row> ROWS = rows();

  private static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      LocalDateTime t = LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(i * 7L / 3);
      rows.add(i % 3 == 0 ? Row.of(0, Row.of((long) i % 5, "n" + i % 4, t), null)
          : Row.of(1, null, Row.of((long) i % 7, i % 11 == 0 ? null : "y" + i % 3, t)));
    }
    return rows;
  }

  /** The rows of {@link #ROWS} at the given paths, or whole. */
  private static final class Rows implements TableSource, SupportsProjectionPushDown {
    private final int[][] paths;
    private final boolean projectable;
    private final List<int[][]> applied;

    Rows(int[][] paths, boolean projectable, List<int[][]> applied) {
      this.paths = paths;
      this.projectable = projectable;
      this.applied = applied;
    }

    @Override
    public DataStream<Row> produce(StreamEnvironment env, String name) {
      List<Row> out = new ArrayList<>();
      for (Row row : ROWS) {
        if (paths == null) {
          out.add(row);
          continue;
        }
        Object[] values = new Object[paths.length];
        for (int i = 0; i < paths.length; i++) {
          Object v = row.getField(paths[i][0]);
          values[i] = paths[i].length == 1 || v == null ? v : ((Row) v).getField(paths[i][1]);
        }
        out.add(Row.of(values));
      }
      return env.fromData(out);
    }

    @Override
    public TableSource applyProjection(int[][] paths) {
      if (!projectable) {
        return null;
      }
      applied.add(paths);
      return new Rows(paths, true, applied);
    }
  }

  private static TableEnvironment tables(boolean projectable, List<int[][]> applied) {
    TableEnvironment tables = TableEnvironment.create(new Configuration());
    new ScriptRunner(tables, new java.io.PrintStream(new java.io.ByteArrayOutputStream())).run(DDL + ";" + VIEWS + ";");
    tables.catalog().feed("ev", new Rows(null, projectable, applied));
    return tables;
  }

  private static List<String> changelog(boolean projectable, String query) throws Exception {
    StreamEnvironment env = StreamEnvironment.create(new Configuration());
    env.setParallelism(1);
    List<String> out = new ArrayList<>();
    try (CloseableIterator<Row> rows = tables(projectable, new ArrayList<>()).toChangelogStream(env, query)
        .executeAndCollect()) {
      rows.forEachRemaining(r -> out.add(r.toString()));
    }
    return out;
  }

  @Test
  void queriesGiveTheSameChangelogWithAndWithoutPushDown() throws Exception {
    for (String query : List.of(
        "SELECT x, y, ts FROM bv WHERE x > 2",
        "SELECT b, kind, ts FROM ev",
        "SELECT a.name, b.y, CAST(ts AS STRING) AS t FROM ev WHERE a.id = 3 OR b.x = 3",
        "SELECT * FROM ev",
        "SELECT name, COUNT(*) AS c FROM av GROUP BY name",
        "SELECT window_start, y, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE bv, DESCRIPTOR(ts), INTERVAL '10' SECOND))"
            + " GROUP BY window_start, window_end, y",
        "SELECT av.name, bv.y FROM av JOIN bv ON av.id = bv.x AND av.ts BETWEEN bv.ts - INTERVAL '5' SECOND AND bv.ts")) {
      List<String> pushed = changelog(true, query);
      assertThat(pushed).as(query).isNotEmpty().isEqualTo(changelog(false, query));
    }
  }

  @Test
  void theSourceReadsTheFieldsTheCalcReadsAndTheRowtime() {
    List<int[][]> applied = new ArrayList<>();
    String plan = tables(true, applied).explainSql("SELECT x, ts FROM bv WHERE x > 2");
    // the last projection is the one of the query's Calc merged with the view's: kind (the view's
    // filter), the computed ts (kind, a.ts, b.ts), b.x; not the view's b.y
    assertThat(Arrays.stream(applied.get(applied.size() - 1)).map(Arrays::toString).sorted().toList()).as(plan)
        .containsExactly("[0]", "[1, 2]", "[2, 0]", "[2, 2]");
    assertThat(plan).contains("TableSourceScan(table=[ev], connector=[filesystem], fields=[kind, a.ts, b.ts, b.x], changelogMode")
        .doesNotContain("fields=[kind, a, b]");
  }

  @Test
  void aSourceWithoutPushDownReadsWholeRows() {
    assertThat(tables(false, new ArrayList<>()).explainSql("SELECT x, ts FROM bv WHERE x > 2"))
        .contains("fields=[kind, a, b]");
  }
}
