package io.eddy.nexmark.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.config.Configuration;
import io.eddy.sql.ScriptRunner;
import io.eddy.sql.TableEnvironment;
import io.eddy.sql.result.CsvResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The 'nexmark' connector: Flink's nexmark table over Eddy's generator. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NexmarkTableFactoryTest {
  private static final String DDL = NexmarkSql.resource("ddl.sql")
      .replace("'connector' = 'filesystem'", "'connector' = 'nexmark'")
      .replaceAll("(?s)'path' = .*'SQL'", "OPTIONS");

  private static List<String> run(String options, String query) {
    ScriptRunner.Result r = new ScriptRunner(TableEnvironment.create(new Configuration().set("parallelism.default", "2")),
        new PrintStream(new ByteArrayOutputStream())).run(DDL.replace("OPTIONS", options) + "\n" + query);
    return CsvResult.lines(r.columns(), r.rows());
  }

  /** Event i (from 0) has id i + 2 and, at 1000 events/s, time i + 1 ms: person ids are multiples of 50. */
  @Test
  void generatesTheStandardMixWithItsEventTimes() {
    assertThat(DDL).contains("OPTIONS");
    assertThat(run("'events.num' = '1000', 'first-event.rate' = '1000'",
        "SELECT event_type, COUNT(*) AS c, MIN(`dateTime`) AS first_time, MAX(`dateTime`) AS last_time"
            + " FROM nexmark GROUP BY event_type;"))
        .containsExactly("event_type,c,first_time,last_time",
            "0,20,2015-07-15 00:00:00.049,2015-07-15 00:00:00.999",
            "1,60,2015-07-15 00:00:00.001,2015-07-15 00:00:01.000",
            "2,920,2015-07-15 00:00:00.003,2015-07-15 00:00:00.998");
  }

  @Test
  void viewsOfTheTableRunTheQueries() {
    assertThat(run("'events.num' = '5000'", "SELECT COUNT(*) AS bids, COUNT(DISTINCT auction) > 10 AS many FROM bid;"))
        .containsExactly("bids,many", "4600,TRUE");
  }

  @Test
  void unsupportedOrMistypedOptionsAreNamed() {
    assertThatThrownBy(() -> run("'events.nun' = '10'", "SELECT * FROM bid;"))
        .hasMessageContaining("'events.nun'").hasMessageContaining("did you mean 'events.num'");
    assertThatThrownBy(() -> run("'bid.proportion' = '10'", "SELECT * FROM bid;"))
        .hasMessageContaining("only the standard 'bid.proportion' = '46'");
  }
}
