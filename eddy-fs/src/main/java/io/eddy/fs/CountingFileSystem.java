package io.eddy.fs;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the bytes read through it. Placed below a store's caches it counts only real reads
 * of the primary copy, which makes claims such as "a restore reads only manifests" measurable
 * (the disaggregated state store's {@code bytesReadByRestore}, eddy-lsm's restore tests).
 * Everything else passes straight through.
 *
 * <p>Thread safety: thread-safe, like the delegate.
 */
public final class CountingFileSystem implements FileSystem {
  private final FileSystem delegate;
  private final LongAdder bytesRead = new LongAdder();

  public CountingFileSystem(FileSystem delegate) {
    this.delegate = delegate;
  }

  /** Bytes read through this FileSystem so far. */
  public long bytesRead() {
    return bytesRead.sum();
  }

  @Override
  public String scheme() {
    return delegate.scheme();
  }

  @Override
  public FileOutput create(String path) throws IOException {
    return delegate.create(path);
  }

  @Override
  public ReadHandle open(String path) throws IOException {
    ReadHandle handle = delegate.open(path);
    return new ReadHandle() {
      @Override
      public String path() {
        return handle.path();
      }

      @Override
      public long size() throws IOException {
        return handle.size();
      }

      @Override
      public void readFully(long position, byte[] dst, int offset, int length) throws IOException {
        handle.readFully(position, dst, offset, length);
        bytesRead.add(length);
      }

      @Override
      public void close() throws IOException {
        handle.close();
      }
    };
  }

  @Override
  public byte[] read(String path, long offset, int length) throws IOException {
    byte[] bytes = delegate.read(path, offset, length);
    bytesRead.add(bytes.length);
    return bytes;
  }

  @Override
  public byte[] readAll(String path) throws IOException {
    byte[] bytes = delegate.readAll(path);
    bytesRead.add(bytes.length);
    return bytes;
  }

  @Override
  public long size(String path) throws IOException {
    return delegate.size(path);
  }

  @Override
  public boolean exists(String path) throws IOException {
    return delegate.exists(path);
  }

  @Override
  public List<String> list(String directory) throws IOException {
    return delegate.list(directory);
  }

  @Override
  public boolean delete(String path) throws IOException {
    return delegate.delete(path);
  }
}
