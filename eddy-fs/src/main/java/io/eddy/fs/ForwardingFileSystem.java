package io.eddy.fs;

import java.io.IOException;
import java.util.List;

/**
 * A {@link FileSystem} that passes every call to another one: the base of wrappers that watch
 * or shape some calls (counting the bytes read, adding read latency, holding a test at a point)
 * and leave the rest alone. Reads of file contents, {@code read} and {@code readAll} included,
 * all go through {@link #readFully(ReadHandle, long, byte[], int, int)}, so a wrapper of reads
 * overrides that one method; a subclass overrides whatever else it changes.
 *
 * <p>Thread safety: as the delegate, plus whatever the subclass adds.
 */
public abstract class ForwardingFileSystem implements FileSystem {
  private final FileSystem delegate;

  protected ForwardingFileSystem(FileSystem delegate) {
    this.delegate = delegate;
  }

  protected final FileSystem delegate() {
    return delegate;
  }

  /** Reads {@code length} bytes at {@code position} of an open file of the delegate; by default just that. */
  protected void readFully(ReadHandle handle, long position, byte[] dst, int offset, int length) throws IOException {
    handle.readFully(position, dst, offset, length);
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
        ForwardingFileSystem.this.readFully(handle, position, dst, offset, length);
      }

      @Override
      public void close() throws IOException {
        handle.close();
      }
    };
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

  @Override
  public void close() throws IOException {
    delegate.close();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
