package io.eddy.state.disagg;

import io.eddy.api.config.CheckpointingOptions;
import io.eddy.api.config.ConfigOption;
import io.eddy.api.config.Configuration;
import io.eddy.fs.FsPaths;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Every configuration key of the disaggregated state backend ({@code state.backend.type:
 * disaggregated}), with its default, in one place.
 *
 * <p>Where the state lives: {@link #DIRECTORY} on any FileSystem. By default it is a folder
 * inside {@code state.checkpoints.dir}, so checkpoints and state share one FileSystem and a
 * checkpoint only references state files (zero copy). Every backend instance works in its own
 * subdirectory {@code <dir>/<operatorId>-<uuid>}.
 *
 * <p>Memory and local disk: one block cache and one local file cache per process for each
 * distinct setting, shared by all stores ({@link Shared}). The file cache is used only when the
 * primary FileSystem is remote (not {@code file}): in front of a local folder it would copy the
 * local disk to itself.
 */
public final class DisaggregatedOptions {
  private DisaggregatedOptions() {}

  public static final ConfigOption<String> DIRECTORY = ConfigOption.stringOption(
      "state.disaggregated.dir", "",
      "Primary directory of disaggregated state (any FileSystem URI). Default: <state.checkpoints.dir>/db when "
          + "checkpoints go to a directory (zero-copy checkpoints), else a folder under java.io.tmpdir.");

  public static final ConfigOption<Long> WRITE_BUFFER_SIZE = ConfigOption.memoryOption(
      "state.disaggregated.write-buffer-size", 64L << 20,
      "Memtable size of each state store before it is flushed to the FileSystem; checkpoints flush it too.");

  public static final ConfigOption<Long> EAGER_FLUSH_SIZE = ConfigOption.memoryOption(
      "state.disaggregated.eager-flush-size", 16L << 20,
      "A memtable holding this much is flushed as soon as no other flush is pending, before it is full: a checkpoint "
          + "then waits only for the flush of what was written since the last such flush, not of everything since the "
          + "previous checkpoint. 0: memtables are flushed when full or at a checkpoint.");

  public static final ConfigOption<Long> CACHE_MEMORY_SIZE = ConfigOption.memoryOption(
      "state.disaggregated.cache.memory-size", 64L << 20,
      "In-memory block cache, shared by all disaggregated state stores of the process.");

  public static final ConfigOption<Boolean> CACHE_PREPOPULATE_ON_FLUSH = ConfigOption.booleanOption(
      "state.disaggregated.cache.prepopulate-on-flush", true,
      "Put the blocks of every memtable flush into the block cache as the flush installs its file (RocksDB's "
          + "prepopulate_block_cache = kFlushOnly): the freshest state, answered from memory until the flush, is then "
          + "not read back from the FileSystem on demand.");

  public static final ConfigOption<String> CACHE_LOCAL_DIR = ConfigOption.stringOption(
      "state.disaggregated.cache.local-dir", "",
      "Local folder of the disk cache of remote state files. Default: a folder under java.io.tmpdir.");

  public static final ConfigOption<Long> CACHE_LOCAL_SIZE = ConfigOption.memoryOption(
      "state.disaggregated.cache.local-size", 1L << 30,
      "Bound of the local disk cache, shared by all stores of the process; 0 disables it. "
          + "Used only when state.disaggregated.dir is not on the local file system.");

  public static final ConfigOption<String> COMPACTION = ConfigOption.stringOption(
      "state.disaggregated.compaction", "local",
      "Where compactions run: local (background threads of this process) or remote (an eddy compaction-worker).");

  public static final ConfigOption<String> COMPACTION_REMOTE_ADDRESS = ConfigOption.stringOption(
      "state.disaggregated.compaction.remote.address", "",
      "host:port of the eddy compaction-worker, with state.disaggregated.compaction: remote.");

  public static final ConfigOption<String> COMPACTION_REMOTE_TOKEN = ConfigOption.stringOption(
      "state.disaggregated.compaction.remote.token", "",
      "Shared secret the compaction worker expects (its --token).");

  public static final ConfigOption<Duration> COMPACTION_REMOTE_TIMEOUT = ConfigOption.durationOption(
      "state.disaggregated.compaction.remote.timeout", Duration.ofMinutes(5),
      "Bound on connecting to the compaction worker and on one compaction; after it the store compacts locally.");

  public static final ConfigOption<Integer> READ_IO_PARALLELISM = ConfigOption.intOption(
      "state.disaggregated.executor.read-io-parallelism", 3,
      "Threads per keyed operator that read batches of asynchronous state requests (multi-gets) from the store.");

  public static final ConfigOption<Duration> FS_READ_LATENCY = ConfigOption.durationOption(
      "state.disaggregated.fs-read-latency", Duration.ZERO,
      "Test and benchmark aid: delay added to every read of the primary copy's files (block and file cache hits are "
          + "not delayed), a stand-in for a remote store's latency on one machine (--fs-read-latency). 0 = none.");

  public static final ConfigOption<Boolean> CLOSE_AWAITS_BACKGROUND_WORK = ConfigOption.booleanOption(
      "state.disaggregated.close.await-background-work", false,
      "Benchmark aid: a store that closes first flushes its memtable and waits until no compaction is due, so that a "
          + "bounded job's run time includes the flush and compaction work its writes caused (eddy bench checkpoint "
          + "compares runs with and without checkpoints so). Off: closing cancels that work.");

  /** The primary directory, as a full path: plain local paths are made absolute. */
  static String directory(Configuration conf) {
    String dir = conf.get(DIRECTORY);
    if (dir.isEmpty()) {
      String checkpoints = conf.get(CheckpointingOptions.DIRECTORY);
      dir = checkpoints.isEmpty()
          ? Path.of(System.getProperty("java.io.tmpdir"), "eddy-disaggregated").toString()
          : FsPaths.join(checkpoints, "db");
    }
    return FsPaths.scheme(dir) == null ? Path.of(dir).toAbsolutePath().normalize().toString() : dir;
  }

  /** The local folder of the disk cache. */
  static Path localCacheDirectory(Configuration conf) {
    String dir = conf.get(CACHE_LOCAL_DIR);
    return (dir.isEmpty() ? Path.of(System.getProperty("java.io.tmpdir"), "eddy-lsm-cache") : Path.of(dir))
        .toAbsolutePath().normalize();
  }
}
