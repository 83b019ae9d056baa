package io.eddy.sql.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.config.Configuration;
import io.eddy.sql.ScriptRunner;
import io.eddy.sql.TableEnvironment;
import io.eddy.sql.result.CsvResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jdbc table scanned and written in SQL, against an embedded Derby database: the values of each
 * type read back as Eddy's, an updating query written as upserts and deletes by the primary key
 * (the database ends as the query's final table), an insert-only one appended, and the errors
 * for a value of the wrong type and an event-time temporal join of a table without a time
 * attribute (Flink's message).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class JdbcTableTest {
  @TempDir
  Path dir;

  private DerbyDatabase db;

  @BeforeEach
  void database() throws Exception {
    db = new DerbyDatabase();
    db.execute("CREATE TABLE typed (id INT PRIMARY KEY, b BOOLEAN, s SMALLINT, big BIGINT, d DOUBLE,"
            + " price DECIMAL(10, 2), txt VARCHAR(10), born DATE, ts TIMESTAMP)",
        "INSERT INTO typed VALUES (1, TRUE, 7, 9000000000, 1.5, 12.30, 'x', '2024-02-29', '2024-02-29 10:11:12.345'),"
            + " (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
        "CREATE TABLE counts (k VARCHAR(10) PRIMARY KEY, c BIGINT)",
        "CREATE TABLE log (k VARCHAR(10), v INT)");
    Files.write(dir.resolve("events.csv"), List.of("a,1", "b,2", "a,3", "c,4", "a,5", "b,6"));
  }

  @AfterEach
  void drop() {
    db.close();
  }

  private String table(String name, String columns) {
    return "CREATE TABLE " + name + " (" + columns + ") WITH ('connector' = 'jdbc', 'url' = '" + db.url()
        + "', 'table-name' = '" + name + "', 'sink.buffer-flush.max-rows' = '2');\n";
  }

  private String events() {
    return "CREATE TABLE events (k STRING, v INT) WITH ('connector' = 'filesystem', 'path' = '"
        + dir.resolve("events.csv") + "', 'format' = 'csv');\n";
  }

  private static List<String> run(String script) {
    ScriptRunner.Result result = new ScriptRunner(TableEnvironment.create(new Configuration()),
        new PrintStream(new ByteArrayOutputStream())).run(script);
    return result == null ? null : CsvResult.lines(result.columns(), result.rows());
  }

  private List<String> rows(String query) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        out.add(rs.getString(1) + "," + rs.getString(2));
      }
    }
    return out;
  }

  @Test
  void aScanReadsEveryTypeAndNull() {
    assertThat(run(table("typed", "id INT, b BOOLEAN, s SMALLINT, big BIGINT, d DOUBLE, price DECIMAL(10, 2),"
        + " txt STRING, born DATE, ts TIMESTAMP(3)") + "SELECT * FROM typed"))
        .containsExactly("id,b,s,big,d,price,txt,born,ts",
            "1,TRUE,7,9000000000,1.5,12.30,x,2024-02-29,2024-02-29 10:11:12.345",
            "2,,,,,,,,");
  }

  @Test
  void anUpdatingQueryIsWrittenAsUpsertsAndDeletesByTheKey() throws Exception {
    // counts per key while below 3: a's row is deleted when its third event arrives
    run(events() + table("counts", "k STRING, c BIGINT, PRIMARY KEY (k) NOT ENFORCED")
        + "INSERT INTO counts SELECT k, c FROM (SELECT k, COUNT(*) AS c FROM events GROUP BY k) WHERE c < 3");
    assertThat(rows("SELECT k, c FROM counts ORDER BY k")).containsExactly("b,2", "c,1");
  }

  @Test
  void anInsertOnlyQueryIsAppended() throws Exception {
    run(events() + table("log", "k STRING, v INT") + "INSERT INTO log SELECT k, v * 10 FROM events WHERE v > 2");
    assertThat(rows("SELECT k, v FROM log ORDER BY v")).containsExactly("a,30", "c,40", "a,50", "b,60");
  }

  @Test
  void aValueOfAnotherTypeNamesTheColumnAndItsType() {
    assertThatThrownBy(() -> run(table("typed", "id INT, b BOOLEAN, s SMALLINT, big BIGINT, d DOUBLE,"
        + " price DECIMAL(10, 2), txt INT, born DATE, ts TIMESTAMP(3)") + "SELECT * FROM typed"))
        .satisfies(e -> {
          StringBuilder messages = new StringBuilder();
          for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
          }
          assertThat(messages.toString()).contains("column txt of type INT");
        });
  }

  @Test
  void anEventTimeTemporalJoinOfAJdbcTableNeedsItsTimeAttributeAsInFlink() {
    TableEnvironment env = TableEnvironment.create(new Configuration());
    env.executeSql("CREATE TABLE orders (k STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ("
        + "'connector' = 'filesystem', 'path' = '" + dir.resolve("x") + "', 'format' = 'csv')");
    env.executeSql(table("counts", "k STRING, c BIGINT, PRIMARY KEY (k) NOT ENFORCED").replace(";\n", ""));
    assertThatThrownBy(() -> env.explainSql("SELECT * FROM orders AS o JOIN counts FOR SYSTEM_TIME AS OF o.ts AS c"
        + " ON o.k = c.k")).hasMessageContaining("Event-Time Temporal Table Join requires both primary key and row"
        + " time attribute in versioned table, but no row time attribute can be found.");
  }
}
