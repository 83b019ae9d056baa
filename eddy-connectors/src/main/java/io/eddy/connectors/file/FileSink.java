package io.eddy.connectors.file;

import io.eddy.api.connector.Committer;
import io.eddy.api.connector.TwoPhaseCommittingSink;
import java.nio.file.Path;

/**
 * Writes records as lines of text files in a directory: JSON lines (Jackson), CSV (RFC 4180
 * quoting, no header line) or lines of the caller's own encoding. Exactly-once with checkpoints (two-phase commit): each subtask
 * writes hidden in-progress files ({@code .part-<subtask>-<run>-<n>.<ext>.inprogress}); at a
 * checkpoint the current file is closed, and it becomes visible as
 * {@code part-<subtask>-<run>-<n>.<ext>}, by an atomic rename, only once that checkpoint is
 * complete (again, idempotently, after a recovery from it). The files written after the last
 * checkpoint become visible when the whole job has finished. So a visible part file is always
 * whole and never duplicated; a failed job leaves only hidden files behind.
 *
 * <pre>{@code
 * stream.sinkTo(FileSink.jsonLines(Path.of("out")));
 * stream.sinkTo(FileSink.csv(Path.of("out-csv"), order -> new Object[] {order.id(), order.item()}));
 * stream.sinkTo(FileSink.lines(Path.of("out-txt"), "txt", order -> order.id() + " " + order.item()));
 * }</pre>
 */
public final class FileSink<T> implements TwoPhaseCommittingSink<T, PendingFile> {
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

  /**
   * One line of text per record, as {@code encoder} writes it, in part files ending with
   * {@code .<extension>} (like Flink's row-format sink with a string encoder).
   */
  public static <T> FileSink<T> lines(Path directory, String extension, LineEncoder<T> encoder) {
    if (extension.isEmpty() || !extension.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("FileSink extension must be letters, digits, '_' or '-': '" + extension + "'");
    }
    return new FileSink<>(directory, extension, encoder);
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
  public PrecommittingWriter<T, PendingFile> createWriter(WriterInitContext context) throws Exception {
    return new FileSinkWriter<>(Path.of(directory), context.subtaskIndex(), extension, encoder);
  }

  @Override
  public Committer<PendingFile> createCommitter() {
    return files -> {
      for (PendingFile file : files) {
        file.publish();
      }
    };
  }
}
