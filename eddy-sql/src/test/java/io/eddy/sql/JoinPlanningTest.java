package io.eddy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.config.Configuration;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which join Flink's planner picks for a condition, and how EXPLAIN shows it (bounds as Flink computes them). */
class JoinPlanningTest {
  @TempDir
  Path dir;

  private TableEnvironment env;

  @BeforeEach
  void tables() {
    env = TableEnvironment.create(new Configuration());
    for (String t : new String[] {"o", "s"}) {
      env.executeSql("CREATE TABLE " + t + " (k STRING, v BIGINT, other TIMESTAMP(3), ts TIMESTAMP(3),"
          + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'filesystem', 'path' = '"
          + dir.resolve(t) + "', 'format' = 'json')");
    }
  }

  @Test
  void betweenBoundsMakeAnInsertOnlyIntervalJoin() {
    String plan = env.explainSql("SELECT * FROM o LEFT JOIN s ON o.k = s.k"
        + " AND s.ts BETWEEN o.ts AND o.ts + INTERVAL '2' SECOND");
    assertThat(plan).contains("IntervalJoin(joinType=[LeftOuterJoin], windowBounds=[isRowTime=true,"
        + " leftLowerBound=-2000, leftUpperBound=0, leftTimeIndex=3, rightTimeIndex=3]", "leftKey=[k], rightKey=[k]")
        .contains("rightKey=[k], changelogMode=[I])").startsWith("IntervalJoin(");
  }

  @Test
  void strictBoundsInWhereAreOneMillisecondInside() {
    String plan = env.explainSql("SELECT * FROM o, s WHERE o.k = s.k AND o.ts > s.ts - INTERVAL '3' SECOND"
        + " AND o.ts < s.ts");
    assertThat(plan).contains("IntervalJoin(joinType=[InnerJoin], windowBounds=[isRowTime=true,"
        + " leftLowerBound=-2999, leftUpperBound=-1,");
  }

  @Test
  void equalTimesAreAnIntervalOfZeroWidth() {
    assertThat(env.explainSql("SELECT * FROM o JOIN s ON o.ts = s.ts")).contains(
        "IntervalJoin(joinType=[InnerJoin], windowBounds=[isRowTime=true, leftLowerBound=0, leftUpperBound=0,",
        "leftKey=[], rightKey=[]");
  }

  @Test
  void oneSidedBoundOrBoundOnAnotherTimestampIsARegularJoin() {
    assertThat(env.explainSql("SELECT * FROM o JOIN s ON o.k = s.k AND s.ts >= o.ts"))
        .contains("Join(joinType=[InnerJoin]").doesNotContain("IntervalJoin");
    assertThat(env.explainSql("SELECT * FROM o JOIN s ON o.k = s.k"
        + " AND s.other BETWEEN o.ts AND o.ts + INTERVAL '2' SECOND"))
        .contains("Join(joinType=[InnerJoin]").doesNotContain("IntervalJoin");
    assertThat(env.explainSql("SELECT * FROM o JOIN s ON o.k = s.k"
        + " AND s.ts >= o.ts AND s.ts <= o.other + INTERVAL '2' SECOND"))
        .doesNotContain("IntervalJoin");
  }

  private static String tumble(String table, int seconds) {
    return "(SELECT * FROM TABLE(TUMBLE(TABLE " + table + ", DESCRIPTOR(ts), INTERVAL '" + seconds + "' SECOND)))";
  }

  @Test
  void equalWindowStartsAndEndsOfTheSameWindowsMakeAWindowJoin() {
    String plan = env.explainSql("SELECT * FROM " + tumble("o", 5) + " a FULL JOIN " + tumble("s", 5) + " b"
        + " ON a.k = b.k AND a.window_start = b.window_start AND a.window_end = b.window_end AND a.v < b.v");
    assertThat(plan).startsWith("WindowJoin(leftWindow=[Tumble[size=5000, offset=0](win_start=[window_start],"
        + " win_end=[window_end])], rightWindow=[Tumble[size=5000, offset=0](win_start=[window_start],"
        + " win_end=[window_end])], joinType=[FullOuterJoin], where=[AND(=(k, k0), <(v, v0))], leftKey=[k],"
        + " rightKey=[k], changelogMode=[I])");
  }

  /** Nexmark q8's shape: window aggregates joined on their windows. */
  @Test
  void joinOfWindowAggregatesIsAWindowJoin() {
    String aggregate = "(SELECT k, window_start, window_end FROM TABLE(TUMBLE(TABLE %s, DESCRIPTOR(ts),"
        + " INTERVAL '10' SECOND)) GROUP BY k, window_start, window_end)";
    String plan = env.explainSql("SELECT a.k, a.window_start FROM " + aggregate.formatted("o") + " a JOIN "
        + aggregate.formatted("s") + " b ON a.k = b.k AND a.window_start = b.window_start AND a.window_end = b.window_end");
    assertThat(plan).contains("WindowJoin(", "joinType=[InnerJoin], where=[=(k, k0)], leftKey=[k], rightKey=[k]")
        .contains("WindowAggregate(groupBy=[k], window=[Tumble[size=10000, offset=0]").doesNotContain(" Join(");
  }

  @Test
  void differentWindowsOrOnlyOneWindowColumnMakeARegularJoin() {
    assertThat(env.explainSql("SELECT * FROM " + tumble("o", 5) + " a JOIN " + tumble("s", 10) + " b"
        + " ON a.k = b.k AND a.window_start = b.window_start AND a.window_end = b.window_end"))
        .startsWith("Join(joinType=[InnerJoin]").doesNotContain("WindowJoin");
    assertThat(env.explainSql("SELECT * FROM " + tumble("o", 5) + " a JOIN " + tumble("s", 5) + " b"
        + " ON a.k = b.k AND a.window_start = b.window_start"))
        .startsWith("Join(joinType=[InnerJoin]").doesNotContain("WindowJoin");
    assertThat(env.explainSql("SELECT * FROM " + tumble("o", 5) + " a JOIN " + tumble("s", 5) + " b"
        + " ON a.window_start = b.window_end AND a.window_end = b.window_start"))
        .doesNotContain("WindowJoin");
  }

  /** A keep-last deduplication by rowtime is a versioned table; the temporal join asks it for +U rows only. */
  @Test
  void temporalJoinReadsADeduplicatingViewAsAnUpsertStream() {
    env.executeSql("CREATE VIEW latest AS SELECT k, v, ts FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k"
        + " ORDER BY ts DESC) AS rn FROM s) WHERE rn = 1");
    String plan = env.explainSql("SELECT * FROM o LEFT JOIN latest FOR SYSTEM_TIME AS OF o.ts AS l ON o.k = l.k");
    assertThat(plan).contains("TemporalJoin(joinType=[LeftOuterJoin], where=[=(k, k0)], leftKey=[k], rightKey=[k],"
        + " rightTimeIndex=[2], changelogMode=[I])").contains("changelogMode=[I,UA], upsertKeys=[[k]]")
        .doesNotContain("UB");
  }

  /** Correlated IN/EXISTS/NOT EXISTS become semi/anti joins, which Eddy runs between windows only so far. */
  @Test
  void subqueriesAreSemiOrAntiJoins() {
    assertThat(env.explainSql("SELECT * FROM " + tumble("o", 5) + " a WHERE NOT EXISTS (SELECT * FROM "
        + tumble("s", 5) + " b WHERE a.k = b.k AND a.window_start = b.window_start AND a.window_end = b.window_end)"))
        .contains("WindowJoin(", "joinType=[LeftAntiJoin], where=[=(k, k0)], leftKey=[k], rightKey=[k]");
    assertThat(env.explainSql("SELECT * FROM o WHERE EXISTS (SELECT * FROM s WHERE s.k = o.k)"))
        .contains("Join(joinType=[LeftSemiJoin]", "leftKey=[k], rightKey=[k]")
        .doesNotContain("WindowJoin(");
  }
}
