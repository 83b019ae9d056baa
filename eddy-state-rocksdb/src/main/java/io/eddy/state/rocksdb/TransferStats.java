package io.eddy.state.rocksdb;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what a store moved to and from the checkpoint FileSystem since it was created, and what
 * all stores of the process moved ({@link #process()}: a job's backends are created by the engine,
 * so a benchmark of recovery time against state size reads the totals). Thread-safe.
 */
public final class TransferStats {
  private static final TransferStats PROCESS = new TransferStats(null);

  private final TransferStats total;
  private final AtomicLong filesUploaded = new AtomicLong();
  private final AtomicLong bytesUploaded = new AtomicLong();
  private final AtomicLong filesDownloaded = new AtomicLong();
  private final AtomicLong bytesDownloaded = new AtomicLong();

  private TransferStats(TransferStats total) {
    this.total = total;
  }

  /** The counters of one store, which also add to the process's. */
  static TransferStats forStore() {
    return new TransferStats(PROCESS);
  }

  /** What all RocksDB stores of this process uploaded and downloaded since it started. */
  public static TransferStats process() {
    return PROCESS;
  }

  void uploaded(long bytes) {
    filesUploaded.incrementAndGet();
    bytesUploaded.addAndGet(bytes);
    if (total != null) {
      total.uploaded(bytes);
    }
  }

  void downloaded(long bytes) {
    filesDownloaded.incrementAndGet();
    bytesDownloaded.addAndGet(bytes);
    if (total != null) {
      total.downloaded(bytes);
    }
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
