package io.eddy.lsm.wal;

import io.eddy.lsm.util.ByteSink;
import io.eddy.lsm.util.ByteSource;
import java.io.IOException;

/**
 * The payload of one write-ahead-log record: one atomic write batch.
 * {@code varint firstSequence, varint count, then count × (u8 type, bytes key, bytes value)}
 * where bytes are length-prefixed and a tombstone's value is empty. Stateless.
 */
public final class LogRecord {
  /** Receives replayed writes in order. */
  public interface Sink {
    void apply(long sequence, int type, byte[] key, byte[] value) throws IOException;
  }

  private LogRecord() {}

  public static void begin(ByteSink out, long firstSequence, int count) {
    out.putVarint(firstSequence).putVarint(count);
  }

  public static void add(ByteSink out, int type, byte[] key, byte[] value) {
    out.putByte(type).putLengthPrefixed(key).putLengthPrefixed(value == null ? new byte[0] : value);
  }

  /** Feeds every write of a record to {@code sink}. */
  public static void replay(byte[] payload, Sink sink) throws IOException {
    ByteSource in = new ByteSource(payload);
    long seq = in.varint();
    int count = in.varint32();
    for (int i = 0; i < count; i++) {
      int type = in.u8();
      byte[] key = in.lengthPrefixed();
      byte[] value = in.lengthPrefixed();
      sink.apply(seq + i, type, key, value);
    }
  }
}
