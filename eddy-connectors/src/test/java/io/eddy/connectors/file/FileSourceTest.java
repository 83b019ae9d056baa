package io.eddy.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.eddy.api.connector.DiscardingSink;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionException;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.connectors.JobRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class FileSourceTest {
  record Order(long id, String item, double price) {}

  @TempDir
  Path dir;

  private static <T> JobRun<T> read(FileSource<T> source, int parallelism) throws Exception {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
    return JobRun.run(env.fromSource(source, WatermarkStrategy.noWatermarks(), "files"));
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private static BadRecordException badRecordOf(Throwable failure) {
    assertThat(failure).isInstanceOf(JobExecutionException.class);
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BadRecordException bad) {
        return bad;
      }
    }
    throw new AssertionError("No BadRecordException in", failure);
  }

  @Test
  void readsJsonLinesIntoRecords() throws Exception {
    Path file = write("orders.jsonl", """
        {"id":1,"item":"tea","price":2.5}

        {"id":2,"item":"caf\\u00e9 \\"noir\\"","price":3.0}
        """);
    List<Order> orders = read(FileSource.jsonLines(file, Order.class), 1).output();
    assertThat(orders).containsExactly(new Order(1, "tea", 2.5), new Order(2, "café \"noir\"", 3.0));
  }

  @Test
  void readsEveryVisibleFileOfADirectoryInParallel() throws Exception {
    for (int f = 0; f < 5; f++) {
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < 1_000; i++) {
        lines.append("{\"n\":").append(f * 1_000 + i).append("}\n");
      }
      write("part-" + f + ".jsonl", lines.toString());
    }
    write(".hidden.jsonl", "{\"n\":-1}\n");
    write("_SUCCESS", "not json\n");
    Files.createDirectory(dir.resolve("sub"));

    @SuppressWarnings("rawtypes")
    List<Map> rows = read(FileSource.jsonLines(dir, Map.class), 2).output();
    assertThat(rows).hasSize(5_000);
    assertThat(rows.stream().map(m -> ((Number) m.get("n")).intValue()).distinct().count()).isEqualTo(5_000);
  }

  @Test
  void readsCsvWithHeaderAndQuotedFields() throws Exception {
    Path file = write("orders.csv", """
        id,item,price
        1,tea,2.5
        2,"milk, oat",1.25
        3,"the ""best"" cake",4
        4,"two
        lines",0.5
        """);
    FileSource<Order> source = FileSource.csv(file, CsvFormat.DEFAULT.withHeader(),
        f -> new Order(Long.parseLong(f[0]), f[1], Double.parseDouble(f[2])));
    assertThat(read(source, 1).output()).containsExactly(
        new Order(1, "tea", 2.5), new Order(2, "milk, oat", 1.25),
        new Order(3, "the \"best\" cake", 4), new Order(4, "two\nlines", 0.5));
  }

  @Test
  void ignoresAByteOrderMark() throws Exception {
    Path file = write("excel.csv", "\uFEFF7;\"a;b\"\n");
    FileSource<String> source = FileSource.csv(file, CsvFormat.DEFAULT.withDelimiter(';'), f -> f[0] + "=" + f[1]);
    assertThat(read(source, 1).output()).containsExactly("7=a;b");
    Path json = write("bom.jsonl", "\uFEFF{\"id\":1,\"item\":\"x\",\"price\":1}\n");
    assertThat(read(FileSource.jsonLines(json, Order.class), 1).output()).containsExactly(new Order(1, "x", 1));
  }

  @Test
  void badJsonLineFailsTheJobNamingFileAndLine() throws Exception {
    Path file = write("bad.jsonl", "{\"id\":1,\"item\":\"a\",\"price\":1}\n{\"id\":2,\"item\":\n");
    StreamEnvironment env = StreamEnvironment.create();
    env.fromSource(FileSource.jsonLines(file, Order.class), WatermarkStrategy.noWatermarks(), "orders")
        .sinkTo(new DiscardingSink<>());

    Throwable failure = catchThrowable(env::execute);
    assertThat(failure).hasMessageContaining(file + ":2: ");
    BadRecordException bad = badRecordOf(failure);
    assertThat(bad.file()).isEqualTo(file.toString());
    assertThat(bad.lineNumber()).isEqualTo(2);
    assertThat(bad).hasMessageStartingWith(file + ":2: ");
  }

  @Test
  void badCsvRecordFailsTheJobNamingFileAndLine() throws Exception {
    Path file = write("bad.csv", "1,a,1\n2,b,not-a-number\n");
    StreamEnvironment env = StreamEnvironment.create();
    env.fromSource(FileSource.csv(file, f -> new Order(Long.parseLong(f[0]), f[1], Double.parseDouble(f[2]))),
        WatermarkStrategy.noWatermarks(), "orders").sinkTo(new DiscardingSink<>());
    assertThatThrownBy(env::execute).isInstanceOf(JobExecutionException.class)
        .cause().isInstanceOf(BadRecordException.class)
        .hasMessage(file + ":2: NumberFormatException: For input string: \"not-a-number\"");
  }

  @Test
  void skipsAndReportsBadRecordsWhenConfigured() throws Exception {
    Path json = write("orders.jsonl", """
        {"id":1,"item":"tea","price":2.5}
        {"id":2,"item":
        null
        {"id":3,"item":"pie","price":1.0,"colour":"red"}
        {"id":4,"item":"jam","price":1.5}
        """);
    JobRun<Order> run = read(FileSource.jsonLines(json, Order.class).skipBadRecords(), 1);

    assertThat(run.output()).containsExactly(new Order(1, "tea", 2.5), new Order(4, "jam", 1.5));
    assertThat(run.result().counter("numSkippedRecords")).isEqualTo(3);
    assertThat(run.result().skippedRecords()).hasSize(3);
    assertThat(run.result().skippedRecords().get(0)).startsWith(json + ":2: ");
    assertThat(run.result().skippedRecords().get(1)).isEqualTo(json + ":3: the line parsed to null");
    assertThat(run.result().skippedRecords().get(2)).startsWith(json + ":4: ").contains("colour");
  }

  @Test
  void anUnclosedQuoteIsOneBadRecordAtItsFirstLineReadInLinearTime() throws Exception {
    Path csv = write("open.csv", "1,ok\n2,\"never closed\n" + "3,swallowed\n".repeat(200_000));
    JobRun<String> run = read(FileSource.csv(csv, f -> f[1]).skipBadRecords(), 1);

    assertThat(run.output()).containsExactly("ok");
    assertThat(run.result().skippedRecords()).singleElement().asString()
        .startsWith(csv + ":2: CsvParseException: quoted field opened at column 3 is not closed");
  }

  @Test
  void aMissingPathIsReportedWhenTheSourceIsBuilt() {
    assertThatThrownBy(() -> FileSource.csv(dir.resolve("nope"), f -> f))
        .hasMessageContaining("nope");
  }
}
