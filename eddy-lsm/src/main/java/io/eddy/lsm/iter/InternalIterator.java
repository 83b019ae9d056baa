package io.eddy.lsm.iter;

import java.io.IOException;

/**
 * A forward cursor over stored entries (user key, trailer, value) in internal-key order:
 * key ascending, newest version first. Memtables, SST files, levels and their merge all
 * implement it; {@link UserIterator} turns it into what users see.
 *
 * <p>Thread safety: one thread at a time. {@link #key()} and {@link #value()} return arrays
 * the caller may keep. REQUIRES: {@link #valid()} before key/trailer/value/next.
 */
public interface InternalIterator extends AutoCloseable {
  boolean valid();

  void seekToFirst() throws IOException;

  /** Positions at the first entry at or after (key, trailer) in internal-key order. */
  void seek(byte[] key, long trailer) throws IOException;

  void next() throws IOException;

  byte[] key();

  long trailer();

  byte[] value();

  @Override
  void close();
}
