package io.eddy.nexmark.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.config.Configuration;
import io.eddy.sql.ScriptRunner;
import io.eddy.sql.TableEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The operators Flink's planner picks for Nexmark queries, after the unchanged {@code ddl.sql}, as Eddy's EXPLAIN shows them. */
class NexmarkSqlPlanTest {

  /** q8 joins two tumbling window aggregates on their windows: Flink plans a WindowJoin, not a regular Join. */
  @Test
  void q8IsAWindowJoinOfTwoWindowAggregates() throws Exception {
    String plan = explain("q8");
    assertThat(plan).contains("WindowJoin(leftWindow=[Tumble[size=10000, offset=0]", "joinType=[InnerJoin]",
        "leftKey=[id], rightKey=[seller], changelogMode=[I])").doesNotContain(" Join(", "GroupAggregate");
    assertThat(plan.lines().filter(l -> l.contains("WindowAggregate(")).count()).isEqualTo(2);
  }

  private static String explain(String query) throws Exception {
    TableEnvironment env = TableEnvironment.create(new Configuration());
    new ScriptRunner(env, new PrintStream(new ByteArrayOutputStream()))
        .run(resource("ddl.sql").replace("${EVENTS}", "/nonexistent/events.jsonl"));
    return env.explainSql(resource(query + ".sql").strip().replaceAll(";$", ""));
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = NexmarkSqlPlanTest.class.getResourceAsStream("/io/eddy/nexmark/sql/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
