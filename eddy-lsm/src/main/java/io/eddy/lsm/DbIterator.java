package io.eddy.lsm;

import java.io.IOException;

/**
 * A forward cursor over the live keys of a store as of one sequence number (the snapshot
 * it was created with, or the latest write at creation), within its bounds. Deleted keys
 * are skipped and merge operands are already combined. Writes made after creation are
 * not seen.
 *
 * <p>Thread safety: not thread-safe; use one iterator per thread. The iterator pins the
 * files it reads until {@link #close()}; always close it (try-with-resources).
 * REQUIRES: {@link #valid()} before {@link #key()}, {@link #value()}, {@link #next()}.
 */
public interface DbIterator extends AutoCloseable {
  boolean valid();

  /** Positions at the first key (at the lower bound, if any). */
  void seekToFirst() throws IOException;

  /** Positions at the first key at or after {@code key} (clamped to the bounds). */
  void seek(byte[] key) throws IOException;

  void next() throws IOException;

  byte[] key();

  byte[] value();

  @Override
  void close();
}
