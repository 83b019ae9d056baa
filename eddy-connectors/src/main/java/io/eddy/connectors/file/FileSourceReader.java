package io.eddy.connectors.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.eddy.api.connector.InputStatus;
import io.eddy.api.connector.ReaderOutput;
import io.eddy.api.connector.SourceReader;
import io.eddy.api.connector.SourceReaderContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one subtask's files of a {@link FileSource} in order, line by line with a UTF-8
 * BufferedReader, at most {@value #MAX_LINES_PER_POLL} lines per {@link #pollNext} call. Keeps
 * the current file and line number so that every bad record is named by {@code file:line}.
 * Checkpoints (file, lines consumed) for the current and every pending file; a restored reader
 * skips the consumed lines. Not thread-safe: runs on its task thread.
 */
final class FileSourceReader<T> implements SourceReader<T> {
  private static final int MAX_LINES_PER_POLL = 256;
  /** Some tools (spreadsheets) start UTF-8 files with it; it is no part of the first record. */
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  /** A file and how many of its lines were consumed: a checkpointed position. */
  record FilePosition(String file, long linesConsumed) implements Serializable {}

  private final ArrayDeque<FilePosition> pending;
  private final LineFormat<T> format;
  private final boolean skipBadRecords;
  private final SourceReaderContext context;
  /** The file being read, or last read; its reader, null between files. */
  private String file;
  private BufferedReader reader;
  /** The number of the last line read from {@code file}, 1-based. */
  private long lineNumber;

  FileSourceReader(List<FilePosition> positions, LineFormat<T> format, boolean skipBadRecords,
      SourceReaderContext context) {
    this.pending = new ArrayDeque<>(positions);
    this.format = format;
    this.skipBadRecords = skipBadRecords;
    this.context = context;
  }

  @Override
  public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
    int lines = 0;
    while (lines < MAX_LINES_PER_POLL) {
      if (reader == null && !openNextFile()) {
        return InputStatus.END_OF_INPUT;
      }
      String text = readLine();
      lines++;
      if (text == null) {
        closeFile();
        continue;
      }
      if (text.isEmpty() || lineNumber == 1 && format.hasHeader()) {
        continue;
      }
      long firstLine = lineNumber;
      if (format.continuesAfter(text, false)) {
        StringBuilder record = new StringBuilder(text);
        boolean continues = true;
        String more;
        while (continues && (more = readLine()) != null) {
          lines++;
          record.append('\n').append(more);
          continues = format.continuesAfter(more, true);
        }
        text = record.toString();
      }
      emit(text, firstLine, output);
    }
    return InputStatus.MORE_AVAILABLE;
  }

  private void emit(String text, long firstLine, ReaderOutput<T> output) throws BadRecordException {
    T record;
    try {
      record = format.parse(text);
    } catch (Exception e) {
      badRecord(firstLine, reasonOf(e), e);
      return;
    }
    if (record == null) {
      badRecord(firstLine, "the line parsed to null", null);
      return;
    }
    output.collect(record);
  }

  private void badRecord(long line, String reason, Exception cause) throws BadRecordException {
    BadRecordException bad = new BadRecordException(file, line, reason, cause);
    if (!skipBadRecords) {
      throw bad;
    }
    context.reportSkippedRecord(bad.getMessage());
  }

  private static String reasonOf(Exception e) {
    if (e instanceof JsonProcessingException json) {
      return json.getOriginalMessage(); // without Jackson's location, which names no file
    }
    String name = e.getClass().getSimpleName();
    return e.getMessage() == null ? name : name + ": " + e.getMessage();
  }

  private boolean openNextFile() throws IOException {
    FilePosition next = pending.poll();
    if (next == null) {
      return false;
    }
    file = next.file();
    reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
    lineNumber = 0;
    while (lineNumber < next.linesConsumed() && readLine() != null) {
      // skip what the checkpoint says was consumed
    }
    return true;
  }

  @Override
  public List<FilePosition> snapshotState(long checkpointId) {
    List<FilePosition> positions = new ArrayList<>(pending.size() + 1);
    if (reader != null) {
      positions.add(new FilePosition(file, lineNumber));
    }
    positions.addAll(pending);
    return positions;
  }

  /** The next line of the current file, or null at its end; without a byte order mark at the start. */
  private String readLine() throws IOException {
    try {
      String line = reader.readLine();
      if (line != null && ++lineNumber == 1 && line.startsWith(BYTE_ORDER_MARK)) {
        return line.substring(1);
      }
      return line;
    } catch (IOException e) {
      throw new IOException(file + ":" + (lineNumber + 1) + ": cannot read the line: " + e, e);
    }
  }

  private void closeFile() throws IOException {
    reader.close();
    reader = null;
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      closeFile();
    }
  }
}
