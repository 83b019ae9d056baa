package io.eddy.lsm.compaction;

import java.io.IOException;

/**
 * Thrown by a flush or compaction that stopped because its store is closing: closing must not
 * wait for a multi-gigabyte rewrite whose result it would discard. The job has deleted its
 * partial outputs; its inputs are untouched, so the store stays consistent.
 */
public final class CompactionCancelledException extends IOException {
  public CompactionCancelledException(String what) {
    super(what + " cancelled: the store is closing");
  }
}
