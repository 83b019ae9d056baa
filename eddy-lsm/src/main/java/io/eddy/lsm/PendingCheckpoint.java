package io.eddy.lsm;

import java.io.IOException;

/**
 * A checkpoint whose synchronous part has run ({@link Db#beginCheckpoint}): it holds exactly
 * the writes up to {@link #sequence()}, and its manifest will be {@link #manifestPath()}.
 * {@link #complete()} is the asynchronous part. Release it with {@link Db#release(PendingCheckpoint)}
 * whether or not it completed. Immutable; {@link #complete()} may run on any thread.
 */
public final class PendingCheckpoint {
  private final Db db;
  private final String manifestPath;
  private final long sequence;

  PendingCheckpoint(Db db, String manifestPath, long sequence) {
    this.db = db;
    this.manifestPath = manifestPath;
    this.sequence = sequence;
  }

  public String manifestPath() {
    return manifestPath;
  }

  public long sequence() {
    return sequence;
  }

  /**
   * Waits until the checkpoint's writes are in SST files (the flush thread writes them; a
   * compaction does not hold it up) and writes the manifest. Call once.
   *
   * @throws IOException if the flush failed, or the checkpoint was released or the store closed
   *     without flushing before the manifest was written
   */
  public CheckpointHandle complete() throws IOException {
    return db.completeCheckpoint(manifestPath);
  }

  @Override
  public String toString() {
    return "PendingCheckpoint[" + manifestPath + " @" + sequence + "]";
  }
}
