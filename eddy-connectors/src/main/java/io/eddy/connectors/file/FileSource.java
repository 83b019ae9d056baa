package io.eddy.connectors.file;

import io.eddy.api.connector.Boundedness;
import io.eddy.api.connector.Source;
import io.eddy.api.connector.SourceReader;
import io.eddy.api.connector.SourceReaderContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded source of the records in a text file, or in the files of a directory (see
 * {@link SourceFiles}): JSON lines or CSV, read as UTF-8. The files are listed when the source is
 * created, so every subtask sees the same set; subtask {@code i} reads every parallelism-th file,
 * so a single file is read by one subtask. Empty lines are no records and are passed over.
 *
 * <p>A line that does not parse fails the job with a {@link BadRecordException} naming the file,
 * the line and the reason, unless the source is built with {@link #skipBadRecords()}
 * (skip-bad-records): then the line is reported to the runtime, which counts it and lists it in
 * the job result, and the reading goes on. Text that is not valid UTF-8 always fails the job.
 * Immutable; {@link #skipBadRecords()} returns a new source.
 *
 * <pre>{@code
 * DataStream<Order> orders = env.fromSource(
 *     FileSource.jsonLines(Path.of("orders"), Order.class).skipBadRecords(),
 *     WatermarkStrategy.noWatermarks(), "orders");
 * FileSource<Row> rows = FileSource.csv(Path.of("rows.csv"), CsvFormat.DEFAULT.withHeader(),
 *     fields -> new Row(fields[0], Integer.parseInt(fields[1])));
 * }</pre>
 */
public final class FileSource<T> implements Source<T> {
  private final List<String> files;
  private final LineFormat<T> format;
  private final boolean skipBadRecords;

  private FileSource(List<String> files, LineFormat<T> format, boolean skipBadRecords) {
    this.files = files;
    this.format = format;
    this.skipBadRecords = skipBadRecords;
  }

  /** One JSON document per line, bound by Jackson to {@code type} (a record, POJO or Map). */
  public static <T> FileSource<T> jsonLines(Path path, Class<T> type) {
    return jsonLines(path, JsonLines.parser(type));
  }

  /** One record per line, parsed by {@code parser} (for JSON: with the parser of your choice). */
  public static <T> FileSource<T> jsonLines(Path path, LineParser<T> parser) {
    return new FileSource<>(SourceFiles.list(path), parser::parse, false);
  }

  /** RFC 4180 comma-separated values without a header line, each record mapped from its fields. */
  public static <T> FileSource<T> csv(Path path, CsvRecordMapper<T> mapper) {
    return csv(path, CsvFormat.DEFAULT, mapper);
  }

  public static <T> FileSource<T> csv(Path path, CsvFormat format, CsvRecordMapper<T> mapper) {
    return new FileSource<>(SourceFiles.list(path), new CsvLineFormat<>(format, mapper), false);
  }

  /** Skips lines that do not parse, reporting each to the job result, instead of failing the job. */
  public FileSource<T> skipBadRecords() {
    return new FileSource<>(files, format, true);
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  /** One subtask per file at most. */
  @Override
  public int maxParallelism() {
    return Math.max(1, files.size());
  }

  @Override
  public SourceReader<T> createReader(SourceReaderContext context) {
    List<FileSourceReader.FilePosition> positions = new ArrayList<>();
    if (context.isRestored()) {
      context.restoredState().forEach(p -> positions.add((FileSourceReader.FilePosition) p));
    } else {
      SourceFiles.shareOf(files, context.subtaskIndex(), context.parallelism())
          .forEach(f -> positions.add(new FileSourceReader.FilePosition(f, 0)));
    }
    return new FileSourceReader<>(positions, format, skipBadRecords, context);
  }
}
