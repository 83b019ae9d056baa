package io.eddy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.config.Configuration;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Which operator a ROW_NUMBER() query becomes, as Flink's rank and deduplicate rules decide. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class RankPlanningTest {
  @TempDir
  Path dir;

  private TableEnvironment env;

  @BeforeEach
  void tables() {
    env = TableEnvironment.create(new Configuration());
    env.executeSql("CREATE TABLE t (k STRING, v BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)"
        + " WITH ('connector' = 'filesystem', 'path' = '" + dir + "', 'format' = 'json')");
  }

  @Test
  void rowNumberOnTheRowtimeWithoutTheRankSelectedIsADeduplicate() {
    assertThat(env.explainSql("SELECT k, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts DESC) AS rn"
        + " FROM t) WHERE rn = 1"))
        .contains("Deduplicate(keep=[LastRow], key=[k], order=[ROWTIME], changelogMode=[I,UA]");
    assertThat(env.explainSql("SELECT k, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts) AS rn"
        + " FROM t) WHERE rn <= 1"))
        .contains("Deduplicate(keep=[FirstRow], key=[k], order=[ROWTIME]");
  }

  @Test
  void rowNumberOnAnotherFieldIsATopNWithItsRankRange() {
    assertThat(env.explainSql("SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn"
        + " FROM t) WHERE rn < 4 AND 2 <= rn AND v > 0"))
        .contains("Rank(strategy=[AppendFastStrategy], rankType=[ROW_NUMBER], rankRange=[rankStart=2, rankEnd=3],"
            + " partitionBy=[k], orderBy=[v DESC]", "changelogMode=[I,UB,UA,D]", "where=[>(v, 0)]");
  }

  @Test
  void rankOverAnUpdatingInputUsesTheRetractStrategy() {
    assertThat(env.explainSql("SELECT k, c FROM (SELECT k, c, ROW_NUMBER() OVER (ORDER BY c DESC) AS rn FROM"
        + " (SELECT k, COUNT(*) AS c FROM t GROUP BY k)) WHERE rn <= 3"))
        .contains("Rank(strategy=[RetractStrategy]", "changelogMode=[I,UA,D]", "GroupAggregate(groupBy=[k], select=[k,"
            + " COUNT(*) AS c], changelogMode=[I,UB,UA]");
  }

  @Test
  void rowNumberWithoutAnUpperBoundIsRefused() {
    assertThatThrownBy(() -> env.explainSql("SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v)"
        + " AS rn FROM t) WHERE rn > 2")).hasMessageContaining("rn <= N");
  }
}
