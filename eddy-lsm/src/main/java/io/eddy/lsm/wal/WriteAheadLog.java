package io.eddy.lsm.wal;

import io.eddy.lsm.util.ByteSink;
import io.eddy.lsm.util.Checksums;
import io.eddy.lsm.util.Coding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The optional write-ahead log, on a local directory (appending is what a log needs, and
 * the FileSystem SPI deliberately has no append). One log file per memtable,
 * {@code NNNNNN.log}; it is deleted once that memtable's flush is installed. A record is
 * {@code length u32, crc32c u32, payload} (little-endian) with a {@link LogRecord} payload.
 * Replay stops at the first torn or corrupt record: what follows a crash mid-append is
 * lost, never misread. After a failed append the log refuses further appends, so no
 * acknowledged write can hide behind a broken record.
 *
 * <p>Thread safety: {@link #append} and {@link #startLog} must be serialised by the caller
 * (the store's write lock); {@link #delete} may run concurrently with them.
 */
public final class WriteAheadLog implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(WriteAheadLog.class.getName());

  private final Path dir;
  private final boolean sync;
  private final byte[] header = new byte[8];
  private FileChannel current;
  private long currentNumber = -1;
  private IOException failure;

  /** @param sync force every append to stable storage before the write returns */
  public WriteAheadLog(Path dir, boolean sync) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.sync = sync;
  }

  private Path file(long number) {
    return dir.resolve(String.format("%06d.log", number));
  }

  /** Numbers of the log files present, ascending. */
  public List<Long> existingLogs() throws IOException {
    List<Long> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        String n = p.getFileName().toString();
        if (n.endsWith(".log") && n.length() > 4 && n.substring(0, n.length() - 4).chars().allMatch(Character::isDigit)) {
          out.add(Long.parseLong(n.substring(0, n.length() - 4)));
        }
      }
    }
    out.sort(null);
    return out;
  }

  /** Replays one log; returns the number of records applied. */
  public long replay(long number, LogRecord.Sink sink) throws IOException {
    byte[] data = Files.readAllBytes(file(number));
    int pos = 0;
    long records = 0;
    while (pos + 8 <= data.length) {
      int len = Coding.getIntLE(data, pos);
      int crc = Coding.getIntLE(data, pos + 4);
      if (len < 0 || pos + 8 + len > data.length || Checksums.crc32c(data, pos + 8, len) != crc) {
        LOG.warning("write-ahead log " + file(number) + " ends with a torn or corrupt record at offset " + pos + "; replay stops there");
        break;
      }
      byte[] payload = Arrays.copyOfRange(data, pos + 8, pos + 8 + len);
      LogRecord.replay(payload, sink);
      records++;
      pos += 8 + len;
    }
    return records;
  }

  /** Closes the current log and starts log {@code number} for a new memtable. */
  public void startLog(long number) throws IOException {
    closeCurrent();
    current = FileChannel.open(file(number), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    currentNumber = number;
  }

  public long currentNumber() {
    return currentNumber;
  }

  /** Appends one record (the payload in {@code record[0, size)}). */
  public void append(ByteSink record) throws IOException {
    if (failure != null) {
      throw new IOException("write-ahead log failed earlier; writes are refused until the store is reopened", failure);
    }
    Coding.putIntLE(header, 0, record.size());
    Coding.putIntLE(header, 4, Checksums.crc32c(record.array(), 0, record.size()));
    try {
      ByteBuffer[] bufs = {ByteBuffer.wrap(header), ByteBuffer.wrap(record.array(), 0, record.size())};
      while (bufs[1].hasRemaining()) {
        current.write(bufs);
      }
      if (sync) {
        current.force(false);
      }
    } catch (IOException e) {
      failure = e;
      throw new IOException("write-ahead log append failed in " + file(currentNumber) + ": " + e, e);
    }
  }

  /** Deletes a log whose memtable is now in SST files. */
  public void delete(long number) {
    try {
      Files.deleteIfExists(file(number));
    } catch (IOException e) {
      LOG.warning("could not delete obsolete log " + file(number) + ": " + e);
    }
  }

  private void closeCurrent() throws IOException {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  @Override
  public void close() throws IOException {
    closeCurrent();
  }
}
