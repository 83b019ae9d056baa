package io.eddy.state.bytes;

import java.io.IOException;

/** A forward iteration over the entries of a {@link KvColumn#scan}; close it when done. */
public interface KvCursor extends AutoCloseable {
  /** Moves to the next entry; false when there are no more. */
  boolean next() throws IOException;

  byte[] key();

  byte[] value();

  @Override
  void close();
}
