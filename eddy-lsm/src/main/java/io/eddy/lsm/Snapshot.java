package io.eddy.lsm;

/**
 * A consistent read point: reads and iterators given this snapshot see exactly the writes
 * with a sequence number at or below {@link #sequence()}. While open, compaction keeps
 * the versions it needs. Close it when done.
 *
 * <p>Thread safety: immutable apart from release; may be shared between reader threads.
 */
public final class Snapshot implements AutoCloseable {
  private final long sequence;
  private final Db db;
  private volatile boolean released;

  Snapshot(long sequence, Db db) {
    this.sequence = sequence;
    this.db = db;
  }

  public long sequence() {
    return sequence;
  }

  boolean belongsTo(Db other) {
    return db == other;
  }

  /** Releases the snapshot; idempotent. */
  @Override
  public void close() {
    if (!released) {
      released = true;
      db.releaseSnapshot(this);
    }
  }

  boolean isReleased() {
    return released;
  }

  @Override
  public String toString() {
    return "Snapshot[" + sequence + "]";
  }
}
