package io.eddy.connectors.file;

import io.eddy.api.connector.Sink;
import io.eddy.api.connector.SinkWriter;
import java.nio.file.Path;

/**
 * Writes records as lines of text files in a directory: JSON lines (Jackson) or CSV (RFC 4180
 * quoting, no header line). Subtask {@code i} writes {@code part-<i>-0.jsonl} (or {@code .csv}),
 * replacing a file of that name from an earlier run.
 *
 * <p>Visibility and guarantees, for now: a part file is written under a hidden temporary name
 * ({@code .part-<i>-0.jsonl.inprogress}) and renamed into place atomically when its subtask
 * reaches the end of its input, so a part file always appears whole. A subtask that fails or is
 * cancelled deletes its in-progress file; but the part files of subtasks that ended before the
 * failure stay. There is no commit at checkpoints yet, so an unbounded job shows no output.
 * After a successful run every record is in the files exactly once; a job run again from the
 * beginning rewrites them. Records delivered again after a recovery would be written again
 * (at-least-once), and a recovery that resumes from a checkpoint needs the two-phase commit that
 * comes with checkpointing: this writer keeps no state across restarts.
 *
 * <pre>{@code
 * stream.sinkTo(FileSink.jsonLines(Path.of("out")));
 * stream.sinkTo(FileSink.csv(Path.of("out-csv"), order -> new Object[] {order.id(), order.item()}));
 * }</pre>
 */
public final class FileSink<T> implements Sink<T> {
  private final String directory;
  private final String extension;
  private final LineEncoder<T> encoder;

  private FileSink(Path directory, String extension, LineEncoder<T> encoder) {
    this.directory = directory.toString();
    this.extension = extension;
    this.encoder = encoder;
  }

  /** One JSON document per line, written by Jackson from each record (a record, POJO or Map). */
  public static <T> FileSink<T> jsonLines(Path directory) {
    return new FileSink<>(directory, "jsonl", JsonLines.encoder());
  }

  /** Comma-separated values of the fields {@code extractor} gives for each record. */
  public static <T> FileSink<T> csv(Path directory, CsvFieldExtractor<T> extractor) {
    return csv(directory, CsvFormat.DEFAULT, extractor);
  }

  /** REQUIRES: a format without header: the sink writes none. */
  public static <T> FileSink<T> csv(Path directory, CsvFormat format, CsvFieldExtractor<T> extractor) {
    if (format.header()) {
      throw new IllegalArgumentException("FileSink.csv writes no header line; pass a CsvFormat without header");
    }
    return new FileSink<>(directory, "csv", record -> CsvEncoder.encode(format, extractor.extract(record)));
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) throws Exception {
    String name = "part-" + context.subtaskIndex() + "-0." + extension;
    return FileSinkWriter.open(Path.of(directory), name, encoder);
  }
}
