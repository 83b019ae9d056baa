package io.eddy.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.config.Configuration;
import io.eddy.sql.connector.UpsertTestTableFactory;
import io.eddy.sql.result.CsvResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * INSERT INTO an upsert sink with a primary key ends with the query's final table, which the same
 * query collected (its changelog applied) gives as the model, and which each case also states.
 * The sink ('upsert-test') applies rows by its key and fails on -U rows, which it did not declare:
 * where the plan cannot leave them out they must arrive as deletes. The cases are the ones where
 * dropping them would leave a stale row: a filter over an aggregation that an update leaves
 * (HAVING-like), and an upsert key inside a wider primary key; and a join keyed by its inputs'
 * keys, which needs no materialization.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class UpsertSinkTest {
  @TempDir
  Path dir;

  private TableEnvironment env;
  private ScriptRunner runner;

  @BeforeEach
  void tables() throws Exception {
    // per key, in order: a 1,3,5,7; b 2,6; c 4
    Files.write(dir.resolve("events.csv"), List.of("a,1", "b,2", "a,3", "c,4", "a,5", "b,6", "a,7"));
    env = TableEnvironment.create(new Configuration().set("parallelism.default", "1"));
    runner = new ScriptRunner(env, new PrintStream(new ByteArrayOutputStream()));
    runner.run("CREATE TABLE events (k STRING, v BIGINT) WITH ('connector' = 'filesystem', 'path' = '"
        + dir.resolve("events.csv") + "', 'format' = 'csv');\n"
        + "CREATE VIEW counts AS SELECT k, COUNT(*) AS c, MAX(v) AS m FROM events GROUP BY k;\n"
        + "CREATE TABLE by_k (k STRING, c BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'upsert-test');\n"
        + "CREATE TABLE by_k_and_m (k STRING, m BIGINT, PRIMARY KEY (k, m) NOT ENFORCED) WITH ('connector' = 'upsert-test');\n"
        + "CREATE TABLE joined (k STRING, c BIGINT, total BIGINT, PRIMARY KEY (k) NOT ENFORCED)"
        + " WITH ('connector' = 'upsert-test');\n");
  }

  /** Runs {@code INSERT INTO table query}; the sink's table equals the query's collected table, which is returned. */
  private List<String> insert(String table, String query) {
    runner.run("INSERT INTO " + table + " " + query);
    ScriptRunner.Result model = runner.run(query);
    List<String> written = CsvResult.lines(model.columns(), UpsertTestTableFactory.rows(table));
    List<String> expected = CsvResult.lines(model.columns(), model.rows());
    assertThat(written).isEqualTo(expected);
    return expected.subList(1, expected.size());
  }

  @Test
  void aGroupThatAnUpdateTakesOutOfTheFilterIsDeleted() {
    // a's count goes 1, 2, 3: the -U of a,2 passes the filter, the +U of a,3 does not
    assertThat(insert("by_k", "SELECT k, c FROM counts WHERE c < 3")).containsExactly("b,2", "c,1");
  }

  @Test
  void aGroupThatLeavesTheFilterAndComesBackIsWrittenAgain() {
    // a: 1 in, 2 out (deleted), 3 in, 4 in; b: 1 in, 2 out
    assertThat(insert("by_k", "SELECT k, c FROM counts WHERE c <> 2")).containsExactly("a,4", "c,1");
  }

  @Test
  void anUpsertKeyInsideThePrimaryKeyDeletesTheRowOfTheOldKey() {
    // upsert key [k], primary key [k, m]: each new maximum is another primary key
    assertThat(insert("by_k_and_m", "SELECT k, m FROM counts")).containsExactly("a,7", "b,6", "c,4");
  }

  @Test
  void aFilterOnTheUpsertKeyForwardsTheUpsertStream() {
    String query = "SELECT k, c FROM counts WHERE k <> 'b'";
    assertThat(aggregation(env.explainSql("INSERT INTO by_k " + query))).contains("changelogMode=[I,UA]");
    assertThat(insert("by_k", query)).containsExactly("a,4", "c,1");
  }

  @Test
  void aFilterOnAnAggregateNeedsUpdateBefore() {
    assertThat(aggregation(env.explainSql("INSERT INTO by_k SELECT k, c FROM counts WHERE c < 3")))
        .contains("changelogMode=[I,UB,UA]");
  }

  @Test
  void aJoinOfTwoAggregationsOnTheirGroupKeyIsWrittenByThatKey() {
    // the join's upsert keys include [k], the primary key: no ON CONFLICT needed, nothing materialized
    String query = "SELECT a.k, a.c, b.total FROM counts a JOIN (SELECT k, SUM(v) AS total FROM events GROUP BY k) b"
        + " ON a.k = b.k WHERE a.c < 3";
    assertThat(env.explainSql("INSERT INTO joined " + query)).doesNotContain("upsertMaterialize");
    assertThat(insert("joined", query)).containsExactly("b,2,8", "c,1,4");
  }

  /** The GroupAggregate line of an EXPLAIN. */
  private static String aggregation(String plan) {
    return plan.lines().filter(line -> line.contains("GroupAggregate(")).findFirst().orElseThrow();
  }
}
