package io.eddy.state.disagg;

import io.eddy.fs.FileSystem;
import io.eddy.lsm.Options;

/**
 * Everything one {@link DisaggregatedKvStore} needs, resolved from the job configuration by
 * {@link DisaggregatedStateBackendFactory} (or built directly in tests).
 *
 * @param fs the primary FileSystem; shared, the store does not close it
 * @param directory the store's own directory on {@code fs}, as a full path (absolute, or a URI
 *     such as {@code s3://bucket/db/op-uuid}) because checkpoint handles name files by it; the
 *     store writes nowhere else and deletes nothing outside it
 * @param lsmOptions eddy-lsm options of every part (write buffer, caches, compaction service);
 *     the store adds its merge operator and TTL compaction filter
 * @param numRetained completed checkpoints kept ({@code state.checkpoints.num-retained}, >= 1)
 * @param resources closed when the store closes (its leases on shared file systems and caches)
 * @param readIoParallelism threads that read batches of asynchronous state requests (>= 1)
 * @param closeAwaitsBackgroundWork {@link DisaggregatedOptions#CLOSE_AWAITS_BACKGROUND_WORK}
 */
public record StoreConfig(FileSystem fs, String directory, Options lsmOptions, int numRetained,
    AutoCloseable resources, int readIoParallelism, boolean closeAwaitsBackgroundWork) {

  public StoreConfig {
    if (numRetained < 1) {
      throw new IllegalArgumentException("numRetained must be at least 1: " + numRetained);
    }
    if (readIoParallelism < 1) {
      throw new IllegalArgumentException(DisaggregatedOptions.READ_IO_PARALLELISM.key() + " must be at least 1: "
          + readIoParallelism);
    }
    directory = directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
  }

  /** Defaults for everything but the place: eddy-lsm's options, one retained checkpoint. */
  public static StoreConfig of(FileSystem fs, String directory) {
    return new StoreConfig(fs, directory, Options.defaults(), 1, () -> {},
        DisaggregatedOptions.READ_IO_PARALLELISM.defaultValue(), false);
  }

  public StoreConfig withLsmOptions(Options options) {
    return new StoreConfig(fs, directory, options, numRetained, resources, readIoParallelism, closeAwaitsBackgroundWork);
  }

  public StoreConfig withNumRetained(int n) {
    return new StoreConfig(fs, directory, lsmOptions, n, resources, readIoParallelism, closeAwaitsBackgroundWork);
  }

  public StoreConfig withCloseAwaitingBackgroundWork(boolean await) {
    return new StoreConfig(fs, directory, lsmOptions, numRetained, resources, readIoParallelism, await);
  }

  public StoreConfig withReadIoParallelism(int threads) {
    return new StoreConfig(fs, directory, lsmOptions, numRetained, resources, threads, closeAwaitsBackgroundWork);
  }
}
