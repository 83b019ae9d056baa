package io.eddy.fs;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the bytes read through it. Placed below a store's caches it counts only real reads
 * of the primary copy, which makes claims such as "a restore reads only manifests" measurable
 * (the disaggregated state store's {@code bytesReadByRestore}, eddy-lsm's restore tests).
 * Everything else passes straight through.
 *
 * <p>Thread safety: thread-safe, like the delegate.
 */
public final class CountingFileSystem extends ForwardingFileSystem {
  private final LongAdder bytesRead = new LongAdder();

  public CountingFileSystem(FileSystem delegate) {
    super(delegate);
  }

  /** Bytes read through this FileSystem so far. */
  public long bytesRead() {
    return bytesRead.sum();
  }

  @Override
  protected void readFully(ReadHandle handle, long position, byte[] dst, int offset, int length) throws IOException {
    handle.readFully(position, dst, offset, length);
    bytesRead.add(length);
  }
}
