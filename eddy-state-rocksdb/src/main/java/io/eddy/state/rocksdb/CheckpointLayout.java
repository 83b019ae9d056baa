package io.eddy.state.rocksdb;

import io.eddy.fs.FsPaths;

/**
 * Where a store's checkpoint files go under {@code state.checkpoints.dir}:
 * {@code shared/<store id>/<sst name>} for SST files that successive checkpoints reuse
 * (incremental mode), and {@code chk-<N>/rocksdb-<store id>/<name>} for the files only checkpoint
 * N needs (MANIFEST, CURRENT, OPTIONS, the empty WAL; and every SST when not incremental), next
 * to the engine's own state files of that checkpoint. The store id keeps names of different
 * stores (subtasks, operators, attempts) apart.
 */
record CheckpointLayout(String root, String storeId) {

  String shared(String name) {
    return FsPaths.join(FsPaths.join(FsPaths.join(root, "shared"), storeId), name);
  }

  String exclusive(long checkpointId, String name) {
    return FsPaths.join(FsPaths.join(FsPaths.join(root, "chk-" + checkpointId), "rocksdb-" + storeId), name);
  }
}
