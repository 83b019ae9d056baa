package io.eddy.fs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
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
public final class ReadLatencyFileSystem extends ForwardingFileSystem {
  private final long delayNanos;
  private final AtomicLong delayedReads = new AtomicLong();

  public ReadLatencyFileSystem(FileSystem delegate, Duration delay) {
    super(delegate);
    if (delay.isNegative()) {
      throw new IllegalArgumentException("read latency must not be negative: " + delay);
    }
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
  protected void readFully(ReadHandle handle, long position, byte[] dst, int offset, int length) throws IOException {
    delay(handle.path());
    handle.readFully(position, dst, offset, length);
  }

  @Override
  public String toString() {
    return delegate() + " with " + Duration.ofNanos(delayNanos).toMillis() + " ms read latency";
  }
}
