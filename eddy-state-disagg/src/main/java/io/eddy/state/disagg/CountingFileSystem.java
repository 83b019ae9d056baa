package io.eddy.state.disagg;

import io.eddy.fs.FileOutput;
import io.eddy.fs.FileSystem;
import io.eddy.fs.ReadHandle;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the bytes a store reads from its primary FileSystem (below the local file cache, so
 * only real remote reads count). It makes the claim "a restore reads only manifests" measurable:
 * {@link DisaggregatedKvStore#bytesReadByRestore()}. Everything else passes straight through.
 *
 * <p>Thread safety: thread-safe, like the delegate.
 */
final class CountingFileSystem implements FileSystem {
  private final FileSystem delegate;
  private final LongAdder bytesRead = new LongAdder();

  CountingFileSystem(FileSystem delegate) {
    this.delegate = delegate;
  }

  long bytesRead() {
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
