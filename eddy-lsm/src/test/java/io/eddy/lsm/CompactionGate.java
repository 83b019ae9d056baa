package io.eddy.lsm;

import io.eddy.fs.FileSystem;
import io.eddy.fs.ForwardingFileSystem;
import io.eddy.fs.ReadHandle;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A FileSystem that holds the compaction thread's first read until {@link #open()}, so a test
 * can act while a compaction is certainly running (and not finished). Other threads pass.
 */
final class CompactionGate extends ForwardingFileSystem {
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch opened = new CountDownLatch(1);

  CompactionGate(FileSystem delegate) {
    super(delegate);
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
  public ReadHandle open(String path) throws IOException {
    pass();
    return super.open(path);
  }

  @Override
  protected void readFully(ReadHandle handle, long position, byte[] dst, int offset, int length) throws IOException {
    pass();
    handle.readFully(position, dst, offset, length);
  }
}
