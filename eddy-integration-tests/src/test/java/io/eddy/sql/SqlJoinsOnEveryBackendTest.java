package io.eddy.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.config.Configuration;
import io.eddy.sql.result.CsvResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Window and temporal joins in SQL at parallelism 2 with checkpoints on every state backend (rows
 * and versions held serialized in RocksDB and disaggregated state), against a model of the join
 * over random orders (o_id, cur, ts) and rates (cur, rate, ts), each table in time order so that
 * no row is late and the answer is fixed.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SqlJoinsOnEveryBackendTest {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
  private static final LocalDateTime START = LocalDateTime.of(2015, 7, 15, 0, 0);

  private record Order(long id, String cur, long time) {}

  private record Rate(String cur, long rate, long time) {}

  @TempDir
  Path dir;

  private final List<Order> orders = new ArrayList<>();
  private final List<Rate> rates = new ArrayList<>();

  @BeforeEach
  void data() throws Exception {
    Random random = new Random(11);
    long time = 0;
    List<String> lines = new ArrayList<>();
    for (long id = 1; id <= 300; id++) {
      time += random.nextInt(700);
      Order o = new Order(id, "ABCD".substring(random.nextInt(4)).substring(0, 1), time);
      orders.add(o);
      lines.add(o.id() + "," + o.cur() + "," + ts(o.time()));
    }
    Files.write(dir.resolve("orders.csv"), lines);
    lines.clear();
    time = 0;
    for (int i = 0; i < 80; i++) {
      time += 1 + random.nextInt(2000);
      Rate r = new Rate("ABC".substring(random.nextInt(3)).substring(0, 1), random.nextInt(1000), time);
      rates.add(r);
      lines.add(r.cur() + "," + r.rate() + "," + ts(r.time()));
    }
    Files.write(dir.resolve("rates.csv"), lines);
  }

  private static String ts(long millis) {
    return TIME.format(START.plusNanos(millis * 1_000_000));
  }

  private List<String> run(String backend, String query) throws Exception {
    String ddl = "CREATE TABLE orders (o_id BIGINT, cur STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1'"
        + " SECOND) WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve("orders.csv") + "', 'format' = 'csv');\n"
        + "CREATE TABLE rates (cur STRING, rate BIGINT, ts TIMESTAMP(3), PRIMARY KEY (cur) NOT ENFORCED, WATERMARK FOR"
        + " ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve("rates.csv")
        + "', 'format' = 'csv');\n";
    Configuration config = new Configuration().set("parallelism.default", "2").set("state.backend.type", backend)
        .set("execution.checkpointing.interval", "20ms")
        .set("state.checkpoints.dir", dir.resolve("checkpoints").toString())
        .set("state.backend.rocksdb.localdir", dir.resolve("rocksdb").toString());
    ScriptRunner.Result result = new ScriptRunner(TableEnvironment.create(config),
        new PrintStream(new ByteArrayOutputStream())).run(ddl + query);
    return CsvResult.lines(result.columns(), result.rows());
  }

  /** Tumbling 5 s windows: each order paired with each rate of its currency in its window. */
  @ParameterizedTest
  @ValueSource(strings = {"hashmap", "rocksdb", "disaggregated"})
  void windowJoinGivesTheModelsPairs(String backend) throws Exception {
    List<String> actual = run(backend, "SELECT o.o_id, r.rate, o.window_start FROM"
        + " (SELECT * FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '5' SECOND))) o JOIN"
        + " (SELECT * FROM TABLE(TUMBLE(TABLE rates, DESCRIPTOR(ts), INTERVAL '5' SECOND))) r"
        + " ON o.cur = r.cur AND o.window_start = r.window_start AND o.window_end = r.window_end");
    List<String> expected = new ArrayList<>();
    for (Order o : orders) {
      for (Rate r : rates) {
        if (o.cur().equals(r.cur()) && o.time() / 5000 == r.time() / 5000) {
          expected.add(o.id() + "," + r.rate() + "," + ts(o.time() / 5000 * 5000));
        }
      }
    }
    assertThat(expected).hasSizeGreaterThan(10);
    assertThat(actual.get(0)).isEqualTo("o_id,rate,window_start");
    assertThat(actual.subList(1, actual.size())).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Each order with the rate of its currency valid at its time (the latest at or before it), or NULL. */
  @ParameterizedTest
  @ValueSource(strings = {"hashmap", "rocksdb", "disaggregated"})
  void temporalJoinGivesTheModelsVersions(String backend) throws Exception {
    List<String> actual = run(backend, "SELECT o_id, rate FROM orders o LEFT JOIN rates FOR SYSTEM_TIME AS OF o.ts"
        + " AS r ON o.cur = r.cur");
    List<String> expected = new ArrayList<>();
    for (Order o : orders) {
      Rate valid = null;
      for (Rate r : rates) {
        if (r.cur().equals(o.cur()) && r.time() <= o.time()) {
          valid = r;
        }
      }
      expected.add(o.id() + "," + (valid == null ? "" : valid.rate()));
    }
    assertThat(expected).anyMatch(e -> e.endsWith(",")).anyMatch(e -> !e.endsWith(","));
    assertThat(actual.get(0)).isEqualTo("o_id,rate");
    assertThat(actual.subList(1, actual.size())).containsExactlyInAnyOrderElementsOf(expected);
  }
}
