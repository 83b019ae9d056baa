package io.eddy.cli.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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
 * {@code eddy sql -f script.sql --output out.csv} with a lookup join of generated orders against a
 * jdbc table of an embedded Derby database the test fills: the CSV holds each order with its
 * customer's name (empty where the customer does not exist); with an injected failure and a
 * restart in the middle of the run, the rows that the exactly-once filesystem sink committed (read
 * back by the script) are the same, each once.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SqlLookupJoinScriptTest {
  private static final int ORDERS = 3000;
  private static final int CUSTOMERS = 40; // order o_id has customer o_id % 50: ids 40..49 do not exist
  private static final String JOIN = "SELECT o_id, name FROM orders AS o LEFT JOIN customers FOR SYSTEM_TIME AS OF"
      + " o.pt AS c ON o.cid = c.id";

  static {
    System.setProperty("derby.stream.error.file", "target/derby.log");
  }

  @TempDir
  Path dir;

  private final String url = "jdbc:derby:memory:cli" + ProcessHandle.current().pid();

  @BeforeEach
  void customers() throws Exception {
    try (Connection c = DriverManager.getConnection(url + ";create=true"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(20))");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO customers VALUES (?, ?)")) {
        for (int id = 0; id < CUSTOMERS; id++) {
          insert.setInt(1, id);
          insert.setString(2, "customer" + id);
          insert.executeUpdate();
        }
      }
    }
  }

  @AfterEach
  void drop() {
    try {
      DriverManager.getConnection(url + ";drop=true").close();
    } catch (java.sql.SQLException dropped) {
      // Derby reports a successful drop as an exception
    }
  }

  private List<String> run(String query, String... options) throws Exception {
    Path script = dir.resolve("lookup.sql");
    Files.writeString(script, """
        CREATE TABLE orders (o_id BIGINT, cid AS CAST(o_id %% 50 AS INT), pt AS PROCTIME()) WITH (
          'connector' = 'datagen', 'rows-per-second' = '5000', 'number-of-rows' = '%d',
          'fields.o_id.kind' = 'sequence', 'fields.o_id.start' = '1', 'fields.o_id.end' = '%d');
        CREATE TABLE customers (id INT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH (
          'connector' = 'jdbc', 'url' = '%s', 'table-name' = 'customers',
          'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '20');
        """.formatted(ORDERS, ORDERS, url) + query);
    Path out = dir.resolve("out.csv");
    List<String> args = new ArrayList<>(List.of("sql", "-f", script.toString(), "--output", out.toString()));
    for (String option : options) {
      args.addAll(List.of("-D", option));
    }
    assertThat(Main.execute(args.toArray(String[]::new))).isZero();
    return Files.readAllLines(out);
  }

  private static List<String> expected() {
    List<String> rows = new ArrayList<>();
    for (long id = 1; id <= ORDERS; id++) {
      rows.add(id + "," + (id % 50 < CUSTOMERS ? "customer" + id % 50 : ""));
    }
    return rows;
  }

  @Test
  void writesEveryOrderWithItsCustomer() throws Exception {
    List<String> lines = run(JOIN + ";\n");
    assertThat(lines.get(0)).isEqualTo("o_id,name");
    assertThat(lines.subList(1, lines.size())).containsExactlyInAnyOrderElementsOf(expected());
  }

  @Test
  void aFailureAndRestoreGiveTheSameTable() throws Exception {
    String sink = "CREATE TABLE joined (o_id BIGINT, name STRING) WITH ('connector' = 'filesystem', 'path' = '"
        + dir.resolve("joined") + "', 'format' = 'csv');\n";
    List<String> lines = run(sink + "INSERT INTO joined " + JOIN + ";\nSELECT * FROM joined;\n",
        "parallelism.default=2", "execution.checkpointing.interval=50ms",
        "state.checkpoints.dir=" + dir.resolve("checkpoints"), "restart-strategy.type=fixed-delay",
        "restart-strategy.fixed-delay.delay=10ms", "execution.fault-injection.failures=1",
        "execution.fault-injection.seed=5", "execution.fault-injection.mean-delay=200ms");
    assertThat(lines.subList(1, lines.size())).containsExactlyInAnyOrderElementsOf(expected());
  }
}
