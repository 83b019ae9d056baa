package io.eddy.lsm.db;

import io.eddy.lsm.util.InternalKey;
import java.io.IOException;
import java.util.List;

/**
 * Brings back writes that were only in the write-ahead log when the previous run ended:
 * replays the old logs into memtables, skipping writes already in SST files, flushes, then
 * deletes the old logs. Runs once while a store opens, before anyone else can write.
 */
public final class LogRecovery {
  private LogRecovery() {}

  /**
   * Replays write-ahead logs left by the previous run (skipping writes already in files),
   * flushes them and deletes the logs.
   */
  public static void recover(DbCore core) throws IOException {
    if (core.wal == null) {
      return;
    }
    long current = core.wal.currentNumber();
    List<Long> old = core.wal.existingLogs().stream().filter(n -> n != current).toList();
    if (old.isEmpty()) {
      return;
    }
    long flushed = core.versions.lastSequence();
    core.writeLock().lock();
    try {
      for (long number : old) {
        core.wal.replay(number, (seq, type, key, value) -> {
          if (seq > flushed && seq > core.lastSequence()) {
            core.makeRoomForWrite().add(seq, type, key, type == InternalKey.TYPE_DELETE ? null : value);
            core.publish(seq);
          }
        });
      }
    } finally {
      core.writeLock().unlock();
    }
    core.flushAndWait();
    old.forEach(core.wal::delete);
  }
}
