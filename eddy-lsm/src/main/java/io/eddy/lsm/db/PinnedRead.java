package io.eddy.lsm.db;

/**
 * A read state pinned together with the sequence number to read at. The pair must be taken
 * together: a sequence read before the state was taken could miss versions that a compaction
 * already folded into newer ones, and one read after a memtable switch could name writes the
 * state does not hold. {@link #unpin()} once the read is done.
 */
public record PinnedRead(SuperVersion superVersion, long sequence) {
  public void unpin() {
    superVersion.version().unref();
  }
}
