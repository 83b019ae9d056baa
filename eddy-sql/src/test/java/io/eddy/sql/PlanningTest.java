package io.eddy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.config.Configuration;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanningTest {
  @TempDir
  Path dir;

  private TableEnvironment env;

  @BeforeEach
  void tables() {
    env = TableEnvironment.create(new Configuration());
    env.executeSql("CREATE TABLE t (k STRING, v BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)"
        + " WITH ('connector' = 'filesystem', 'path' = '" + dir + "', 'format' = 'json')");
    env.executeSql("CREATE TABLE out_files (k STRING, c BIGINT) WITH ('connector' = 'filesystem', 'path' = '"
        + dir.resolve("out") + "', 'format' = 'csv')");
    env.executeSql("CREATE TABLE out_print (k STRING, c BIGINT) WITH ('connector' = 'print')");
  }

  @Test
  void explainShowsEachOperatorsChangelogModeAndUpsertKey() {
    String plan = env.explainSql("EXPLAIN INSERT INTO out_print SELECT k, COUNT(*) FROM t WHERE v > 0 GROUP BY k");
    assertThat(plan).contains("Sink(table=[default_catalog.default_database.out_print], fields=[k, EXPR$1], changelogMode=[NONE])",
        "GroupAggregate(groupBy=[k], select=[k, COUNT(*) AS EXPR$1], changelogMode=[I,UB,UA], upsertKeys=[[k]])",
        "WatermarkAssigner(rowtime=[ts]", "TableSourceScan(table=[t]", "changelogMode=[I])");
  }

  @Test
  void windowAggregationIsInsertOnly() {
    String plan = env.explainSql("SELECT k, COUNT(*) AS c, window_start FROM TABLE(CUMULATE(TABLE t, DESCRIPTOR(ts),"
        + " INTERVAL '1' SECOND, INTERVAL '5' SECOND)) GROUP BY k, window_start, window_end");
    assertThat(plan).contains("WindowAggregate(groupBy=[k], window=[Cumulate[step=1000, size=5000, offset=0]")
        .doesNotContain("UB");
  }

  @Test
  void updatingQueryCannotGoToAnAppendOnlySink() {
    assertThatThrownBy(() -> env.executeSql("INSERT INTO out_files SELECT k, COUNT(*) FROM t GROUP BY k"))
        .hasMessage("Table sink 'default_catalog.default_database.out_files' doesn't support consuming update changes"
            + " which is produced by node GroupAggregate(groupBy=[k], select=[k, COUNT(*) AS EXPR$1])");
  }

  @Test
  void unknownConnectorOptionIsNamed() {
    assertThatThrownBy(() -> env.executeSql("CREATE TABLE x (a INT) WITH ('connector' = 'print', 'colour' = 'red')"))
        .hasMessageContaining("colour");
  }
}
