package io.eddy.state.rocksdb;

import io.eddy.api.config.CheckpointingOptions;
import io.eddy.api.config.Configuration;
import java.nio.file.Path;

/**
 * What a {@link RocksDbKvStore} needs from the job configuration, read once, so the store does
 * not take many constructor parameters. Immutable.
 *
 * @param localDirectory where stores create their working subdirectories
 * @param memory the shared memory budget's settings
 * @param checkpointDirectory {@code state.checkpoints.dir}; empty means a local folder (see
 *     {@link #checkpointRoot()}), for in-process recovery only
 * @param retainedCheckpoints completed checkpoints whose files are kept
 * @param incremental whether checkpoints reuse SST files uploaded by earlier ones
 * @param transferThreads files uploaded or downloaded in parallel
 */
public record StoreSettings(
    Path localDirectory,
    MemorySettings memory,
    String checkpointDirectory,
    int retainedCheckpoints,
    boolean incremental,
    int transferThreads) {

  public StoreSettings {
    if (retainedCheckpoints < 1) {
      throw new IllegalArgumentException(
          CheckpointingOptions.NUM_RETAINED.key() + " must be at least 1, got " + retainedCheckpoints);
    }
    if (transferThreads < 1) {
      throw new IllegalArgumentException(
          RocksDbOptions.TRANSFER_THREADS.key() + " must be at least 1, got " + transferThreads);
    }
  }

  public static StoreSettings from(Configuration configuration) {
    String local = configuration.get(RocksDbOptions.LOCAL_DIRECTORY);
    return new StoreSettings(
        local.isEmpty() ? Path.of(System.getProperty("java.io.tmpdir"), "eddy-rocksdb") : Path.of(local),
        MemorySettings.from(configuration),
        configuration.get(CheckpointingOptions.DIRECTORY),
        configuration.get(CheckpointingOptions.NUM_RETAINED),
        configuration.get(RocksDbOptions.INCREMENTAL),
        configuration.get(RocksDbOptions.TRANSFER_THREADS));
  }

  /**
   * Where checkpoint files go: {@code state.checkpoints.dir}, or without one a folder next to the
   * working directories, which survives a store (in-process recovery) but not the machine.
   */
  public String checkpointRoot() {
    return checkpointDirectory.isEmpty()
        ? localDirectory.resolve("checkpoints").toAbsolutePath().toString()
        : checkpointDirectory;
  }
}
