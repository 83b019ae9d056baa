package io.eddy.lsm;

import io.eddy.fs.FileOutput;
import io.eddy.fs.FileSystem;
import io.eddy.fs.ForwardingFileSystem;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A FileSystem that, once {@link #shut}, holds the flush thread at its next SST file until
 * {@link #opened} counts down, so a test can act while a memtable certainly waits for its flush;
 * records which thread created which SST. Other threads pass.
 */
final class FlushGate extends ForwardingFileSystem {
  final List<String> sstCreators = new ArrayList<>();
  final CountDownLatch blocked = new CountDownLatch(1);
  volatile CountDownLatch opened = new CountDownLatch(0);

  FlushGate(FileSystem delegate) {
    super(delegate);
  }

  void shut() {
    opened = new CountDownLatch(1);
  }

  @Override
  public FileOutput create(String path) throws IOException {
    if (path.endsWith(".sst")) {
      if (Thread.currentThread().getName().equals("eddy-lsm-flush") && opened.getCount() > 0) {
        blocked.countDown();
        try {
          opened.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted at the flush gate");
        }
      }
      synchronized (sstCreators) {
        sstCreators.add(Thread.currentThread().getName());
      }
    }
    return super.create(path);
  }

  List<String> creators() {
    synchronized (sstCreators) {
      return List.copyOf(sstCreators);
    }
  }
}
