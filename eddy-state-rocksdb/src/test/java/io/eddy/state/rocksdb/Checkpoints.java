package io.eddy.state.rocksdb;

import io.eddy.state.FileHandleSnapshot;
import io.eddy.state.KeyGroupRange;
import java.io.IOException;

/** Drives a store's checkpoint the way the engine does: snapshot, persist, release, then complete. */
final class Checkpoints {
  private Checkpoints() {}

  /** A completed checkpoint's handle. */
  static byte[] take(RocksDbKvStore store, long id, KeyGroupRange range) throws IOException {
    byte[] handle = persist(store, id, range);
    store.notifyCheckpointComplete(id);
    return handle;
  }

  /** A checkpoint persisted but not (yet) complete. */
  static byte[] persist(RocksDbKvStore store, long id, KeyGroupRange range) throws IOException {
    FileHandleSnapshot snapshot = store.snapshot(id, range);
    try {
      return snapshot.persist().handle();
    } finally {
      snapshot.release();
    }
  }
}
