package io.eddy.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionException;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.connectors.JobRun;
import io.eddy.connectors.datagen.DataGenSource;
import io.eddy.connectors.datagen.GeneratorFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class FileSinkTest {
  record Order(long id, String item, Double price) {}

  private static final int COUNT = 2_000;
  private static final String TRICKY = "ab, \"\n;'é";

  /** Orders with every CSV/JSON special character in the item, and some nulls. */
  private static final GeneratorFunction<Order> ORDERS = GeneratorFunction.random(5, (random, i) -> {
    StringBuilder item = new StringBuilder();
    for (int n = random.nextInt(6); n > 0; n--) {
      item.append(TRICKY.charAt(random.nextInt(TRICKY.length())));
    }
    return new Order(i, item.toString(), i % 10 == 0 ? null : random.nextInt(10_000) / 100.0);
  });

  @TempDir
  Path dir;

  private static void writeOrders(FileSink<Order> sink) throws Exception {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
    env.fromSource(DataGenSource.of(COUNT, ORDERS), WatermarkStrategy.noWatermarks(), "orders").sinkTo(sink);
    env.execute();
  }

  private static <T> List<T> readBack(FileSource<T> source) throws Exception {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
    return JobRun.run(env.fromSource(source, WatermarkStrategy.noWatermarks(), "read back")).output();
  }

  /** The visible (published) files of the output directory. */
  private List<String> fileNames() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
  }

  private static List<Order> expectedOrders() throws Exception {
    Order[] orders = new Order[COUNT];
    for (int i = 0; i < COUNT; i++) {
      orders[i] = ORDERS.generate(i);
    }
    return List.of(orders);
  }

  @Test
  void jsonLinesRoundTrip() throws Exception {
    writeOrders(FileSink.jsonLines(dir));

    assertThat(fileNames()).hasSize(2).allMatch(n -> n.matches("part-[01]-[0-9a-f]{8}-0\\.jsonl"));
    assertThat(readBack(FileSource.jsonLines(dir, Order.class))).containsExactlyInAnyOrderElementsOf(expectedOrders());
  }

  @Test
  void csvRoundTrip() throws Exception {
    writeOrders(FileSink.csv(dir, o -> new Object[] {o.id(), o.item(), o.price()}));

    assertThat(fileNames()).hasSize(2).allMatch(n -> n.matches("part-[01]-[0-9a-f]{8}-0\\.csv"));
    List<Order> read = readBack(FileSource.csv(dir,
        f -> new Order(Long.parseLong(f[0]), f[1], f[2].isEmpty() ? null : Double.valueOf(f[2]))));
    assertThat(read).containsExactlyInAnyOrderElementsOf(expectedOrders());
  }

  @Test
  void aFailedJobPublishesNoPartFile() throws Exception {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
    env.fromSource(DataGenSource.sequence(0, 99_999), WatermarkStrategy.noWatermarks(), "numbers")
        .map(n -> {
          if (n == 90_000) { // read by subtask 1, which owns 50_000..99_999
            throw new IllegalStateException("boom");
          }
          return n;
        })
        .sinkTo(FileSink.jsonLines(dir));

    assertThatThrownBy(env::execute).isInstanceOf(JobExecutionException.class);
    // Without a completed checkpoint nothing is published: the job failed before its end.
    assertThat(fileNames()).isEmpty();
  }

  @Test
  void csvSinkRefusesAHeaderItCannotWrite() {
    assertThatThrownBy(() -> FileSink.csv(dir, CsvFormat.DEFAULT.withHeader(), o -> new Object[] {o}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
