package io.eddy.fs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A stand-in for a remote store on one machine: a {@link FileSystem} wrapper that adds a fixed
 * delay to every read of file contents ({@link ReadHandle#readFully}, hence also {@code read} and
 * {@code readAll}), as a round trip to an object store would. Metadata calls and writes are not
 * delayed. Put it under the disaggregated store's primary copy and its cache misses cost the
 * delay while its cache hits do not (the caches sit above the file system), which is what the
 * asynchronous execution model must hide ({@code --fs-read-latency}).
 *
 * <p>Thread safety: thread-safe; concurrent reads wait concurrently (the delay is latency, not
 * a bandwidth limit).
 */
public final class ReadLatencyFileSystem implements FileSystem {
  private final FileSystem delegate;
  private final long delayNanos;
  private final AtomicLong delayedReads = new AtomicLong();

  public ReadLatencyFileSystem(FileSystem delegate, Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("read latency must not be negative: " + delay);
    }
    this.delegate = delegate;
    this.delayNanos = delay.toNanos();
  }

  /** How many reads were delayed so far. */
  public long delayedReads() {
    return delayedReads.get();
  }

  private void delay(String path) throws InterruptedIOException {
    delayedReads.incrementAndGet();
    long deadline = System.nanoTime() + delayNanos;
    for (long left = delayNanos; left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting the read latency of " + path);
      }
    }
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
        delay(path);
        handle.readFully(position, dst, offset, length);
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
    return delegate + " with " + Duration.ofNanos(delayNanos).toMillis() + " ms read latency";
  }
}
