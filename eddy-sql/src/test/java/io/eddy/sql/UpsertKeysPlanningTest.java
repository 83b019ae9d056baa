package io.eddy.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.config.Configuration;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upsert keys EXPLAIN shows for joins and window aggregations, derived as Flink's
 * FlinkRelMdUpsertKeys derives them, and the state view each join input gets from them (Flink's
 * leftInputSpec/rightInputSpec).
 */
class UpsertKeysPlanningTest {
  @TempDir
  Path dir;

  private TableEnvironment env;

  @BeforeEach
  void tables() {
    env = TableEnvironment.create(new Configuration());
    env.executeSql("CREATE TABLE t (k STRING, s STRING, v BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts"
        + " - INTERVAL '1' SECOND) WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve("t")
        + "', 'format' = 'json')");
    env.executeSql("CREATE TABLE u (k STRING, w BIGINT) WITH ('connector' = 'filesystem', 'path' = '"
        + dir.resolve("u") + "', 'format' = 'json')");
    env.executeSql("CREATE VIEW by_k AS SELECT k, COUNT(*) AS n FROM t GROUP BY k");
    env.executeSql("CREATE VIEW by_k_s AS SELECT k, s, COUNT(*) AS n FROM t GROUP BY k, s");
    env.executeSql("CREATE VIEW u_by_k AS SELECT k, SUM(w) AS w FROM u GROUP BY k");
  }

  /** The first line of {@code query}'s EXPLAIN that shows operator {@code name}. */
  private String node(String query, String name) {
    return env.explainSql(query).lines().filter(line -> line.replaceFirst("^[ +\\-:|]*", "").startsWith(name + "("))
        .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + env.explainSql(query)));
  }

  @Test
  void joinOfTwoInputsUniqueOnTheJoinKeyHasBothSidesKeys() {
    String join = node("SELECT * FROM by_k a JOIN u_by_k b ON a.k = b.k", "Join");
    assertThat(join).contains("leftInputSpec=[JoinKeyContainsUniqueKey], rightInputSpec=[JoinKeyContainsUniqueKey]")
        .endsWith("upsertKeys=[[k, k0], [k], [k0]])");
  }

  @Test
  void outerJoinLosesTheKeysOfItsNullPaddedSide() {
    assertThat(node("SELECT * FROM by_k a LEFT JOIN u_by_k b ON a.k = b.k", "Join"))
        .endsWith("upsertKeys=[[k, k0], [k]])");
    assertThat(node("SELECT * FROM by_k a FULL JOIN u_by_k b ON a.k = b.k", "Join"))
        .endsWith("upsertKeys=[[k, k0]])");
  }

  @Test
  void aSideWithManyRowsPerJoinKeyKeepsItsKeyOnlyWithTheOthersUniqueOne() {
    // by_k_s has several rows per k, u_by_k one: (k, s) stays a key, u's k does not
    assertThat(node("SELECT * FROM by_k_s a JOIN u_by_k b ON a.k = b.k", "Join"))
        .contains("leftInputSpec=[HasUniqueKey], rightInputSpec=[JoinKeyContainsUniqueKey]")
        .endsWith("upsertKeys=[[k, s, k0], [k, s]])");
  }

  @Test
  void keysWithoutTheJoinKeyDoNotSurviveTheShuffle() {
    // joined on n, which is not part of by_k's key k: nothing routes a k's versions together
    assertThat(node("SELECT * FROM by_k a JOIN u_by_k b ON a.n = b.w", "Join"))
        .contains("leftInputSpec=[HasUniqueKey], rightInputSpec=[HasUniqueKey]").doesNotContain("upsertKeys");
  }

  @Test
  void inputWithoutKeyGivesNone() {
    assertThat(node("SELECT * FROM u JOIN by_k b ON u.k = b.k", "Join"))
        .contains("leftInputSpec=[NoUniqueKey], rightInputSpec=[JoinKeyContainsUniqueKey]").doesNotContain("upsertKeys");
  }

  @Test
  void semiJoinKeepsTheLeftKeys() {
    assertThat(node("SELECT * FROM by_k b WHERE EXISTS (SELECT * FROM u WHERE u.k = b.k)", "Join"))
        .contains("joinType=[LeftSemiJoin]").endsWith("upsertKeys=[[k]])");
  }

  @Test
  void projectionKeepsTheKeysItForwards() {
    assertThat(node("SELECT a.k, a.n, b.w FROM by_k a JOIN u_by_k b ON a.k = b.k", "Calc"))
        .endsWith("upsertKeys=[[k]])");
  }

  @Test
  void windowAggregationIsKeyedByItsGroupAndAnyWindowProperty() {
    assertThat(node("SELECT k, COUNT(*) AS c, window_start, window_end FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts),"
        + " INTERVAL '5' SECOND)) GROUP BY k, window_start, window_end", "WindowAggregate"))
        .endsWith("upsertKeys=[[k, window_start], [k, window_end], [k, window_time]])");
  }

  @Test
  void cumulatingWindowsShareTheirStartSoItIsNoKey() {
    assertThat(node("SELECT k, COUNT(*) AS c, window_start, window_end FROM TABLE(CUMULATE(TABLE t, DESCRIPTOR(ts),"
        + " INTERVAL '1' SECOND, INTERVAL '5' SECOND)) GROUP BY k, window_start, window_end", "WindowAggregate"))
        .endsWith("upsertKeys=[[k, window_end], [k, window_time]])");
  }
}
