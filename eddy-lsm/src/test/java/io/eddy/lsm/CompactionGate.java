package io.eddy.lsm;

import io.eddy.fs.FileOutput;
import io.eddy.fs.FileSystem;
import io.eddy.fs.ReadHandle;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A FileSystem that holds the compaction thread's first read until {@link #open()}, so a test
 * can act while a compaction is certainly running (and not finished). Other threads pass.
 */
final class CompactionGate implements FileSystem {
  private final FileSystem delegate;
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch opened = new CountDownLatch(1);

  CompactionGate(FileSystem delegate) {
    this.delegate = delegate;
  }

  /** Waits until a compaction is held at the gate. */
  void awaitCompaction() throws InterruptedException {
    if (!entered.await(60, TimeUnit.SECONDS)) {
      throw new AssertionError("no compaction started within 60 s");
    }
  }

  void open() {
    opened.countDown();
  }

  private void pass() throws IOException {
    if (!Thread.currentThread().getName().equals("eddy-lsm-compaction")) {
      return;
    }
    entered.countDown();
    try {
      opened.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted at the compaction gate");
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
    pass();
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
        pass();
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
}
