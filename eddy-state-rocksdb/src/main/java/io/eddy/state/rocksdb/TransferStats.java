package io.eddy.state.rocksdb;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what a store moved to and from the checkpoint FileSystem since it was created: the
 * incremental checkpoint tests and the recovery-time benchmark read it. Thread-safe.
 */
public final class TransferStats {
  private final AtomicLong filesUploaded = new AtomicLong();
  private final AtomicLong bytesUploaded = new AtomicLong();
  private final AtomicLong filesDownloaded = new AtomicLong();
  private final AtomicLong bytesDownloaded = new AtomicLong();

  void uploaded(long bytes) {
    filesUploaded.incrementAndGet();
    bytesUploaded.addAndGet(bytes);
  }

  void downloaded(long bytes) {
    filesDownloaded.incrementAndGet();
    bytesDownloaded.addAndGet(bytes);
  }

  public long filesUploaded() {
    return filesUploaded.get();
  }

  public long bytesUploaded() {
    return bytesUploaded.get();
  }

  public long filesDownloaded() {
    return filesDownloaded.get();
  }

  public long bytesDownloaded() {
    return bytesDownloaded.get();
  }

  @Override
  public String toString() {
    return "uploaded " + filesUploaded() + " files (" + bytesUploaded() + " bytes), downloaded "
        + filesDownloaded() + " files (" + bytesDownloaded() + " bytes)";
  }
}
