package io.eddy.state.disagg;

import io.eddy.api.config.CheckpointingOptions;
import io.eddy.api.config.Configuration;
import io.eddy.fs.FileSystem;
import io.eddy.fs.FileSystems;
import io.eddy.fs.ReadLatencyFileSystem;
import java.time.Duration;
import io.eddy.fs.FsPaths;
import io.eddy.lsm.CheckpointVerifier;
import io.eddy.lsm.Options;
import io.eddy.lsm.cache.BlockCache;
import io.eddy.lsm.cache.LocalFileCache;
import io.eddy.lsm.compaction.CompactionService;
import io.eddy.lsm.compaction.remote.RemoteCompactionService;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.StateBackendFactory;
import io.eddy.state.bytes.ByteKeyedStateBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code state.backend.type: disaggregated}: keyed state in eddy-lsm with its primary copy on a
 * FileSystem ({@link DisaggregatedKvStore} under the common {@link ByteKeyedStateBackend}).
 * Resolves {@link DisaggregatedOptions}: each backend gets the directory {@code
 * <state.disaggregated.dir>/<operatorId>-<uuid>} and leases on the process-wide FileSystem
 * client, block cache and (for remote FileSystems) local file cache, released when it closes.
 * Found by {@link java.util.ServiceLoader}. Stateless.
 */
public final class DisaggregatedStateBackendFactory implements StateBackendFactory {
  private static final int FILE_CACHE_CHUNK = 256 << 10;

  @Override
  public String name() {
    return DisaggregatedKvStore.KIND;
  }

  @Override
  public <K> KeyedStateBackend<K> createKeyedBackend(
      String operatorId, KeyGroupRange keyGroupRange, int maxParallelism, Configuration configuration) {
    try {
      return new ByteKeyedStateBackend<>(new DisaggregatedKvStore(storeConfig(operatorId, configuration)), keyGroupRange,
          maxParallelism);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot set up disaggregated state for '" + operatorId + "': " + e.getMessage(), e);
    }
  }

  /** Verifies each part's checkpoint manifest and every SST it lists ({@link CheckpointVerifier}). */
  @Override
  public VerifiedFiles verifyHandle(byte[] handle) throws IOException {
    int files = 0;
    long bytes = 0;
    for (StoreHandle.Part part : StoreHandle.decode(handle).parts()) {
      try (FileSystem fs = FileSystems.forPath(part.manifestPath())) {
        CheckpointVerifier.Verified verified = CheckpointVerifier.verify(fs, part.manifestPath());
        files += verified.files();
        bytes += verified.bytes();
      }
    }
    return new VerifiedFiles(files, bytes);
  }

  static StoreConfig storeConfig(String operatorId, Configuration conf) throws IOException {
    String root = DisaggregatedOptions.directory(conf);
    List<AutoCloseable> leases = new ArrayList<>();
    AutoCloseable release = () -> {
      for (AutoCloseable lease : leases) {
        lease.close();
      }
    };
    try {
      Duration readLatency = conf.get(DisaggregatedOptions.FS_READ_LATENCY);
      Shared.Lease<FileSystem> fs = Shared.acquire("fs " + fileSystemKey(root) + " read latency " + readLatency,
          () -> readLatency.isZero() ? FileSystems.forPath(root)
              : new ReadLatencyFileSystem(FileSystems.forPath(root), readLatency), FileSystem::close);
      leases.add(fs);
      long memory = conf.get(DisaggregatedOptions.CACHE_MEMORY_SIZE);
      Shared.Lease<BlockCache> blocks = Shared.acquire("block-cache " + memory, () -> new BlockCache(memory), c -> {});
      leases.add(blocks);
      Options.Builder options = Options.builder()
          .writeBufferSize(conf.get(DisaggregatedOptions.WRITE_BUFFER_SIZE))
          .eagerFlushBytes(conf.get(DisaggregatedOptions.EAGER_FLUSH_SIZE))
          .blockCache(blocks.get())
          .prepopulateBlockCacheOnFlush(conf.get(DisaggregatedOptions.CACHE_PREPOPULATE_ON_FLUSH))
          .compactionService(compactionService(conf));
      long localSize = conf.get(DisaggregatedOptions.CACHE_LOCAL_SIZE);
      if (localSize > 0 && !"file".equals(fs.get().scheme())) {
        Path localDir = DisaggregatedOptions.localCacheDirectory(conf);
        Path cacheDir = localDir.resolve(UUID.randomUUID().toString()); // used if this call creates the cache
        Shared.Lease<LocalFileCache> files = Shared.acquire("file-cache " + localDir + " " + localSize,
            () -> new LocalFileCache(cacheDir, localSize, FILE_CACHE_CHUNK, true), cache -> closeFileCache(cache, cacheDir));
        leases.add(files);
        options.fileCache(files.get());
      }
      String directory = FsPaths.join(root, safeName(operatorId) + "-" + UUID.randomUUID());
      return new StoreConfig(fs.get(), directory, options.build(), conf.get(CheckpointingOptions.NUM_RETAINED), release,
          conf.get(DisaggregatedOptions.READ_IO_PARALLELISM), conf.get(DisaggregatedOptions.CLOSE_AWAITS_BACKGROUND_WORK));
    } catch (IOException | RuntimeException e) {
      try {
        release.close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Stores on the same scheme and authority (bucket, namenode) share one FileSystem client. */
  private static String fileSystemKey(String root) {
    int schemeEnd = root.indexOf("://");
    if (schemeEnd < 0) {
      return "file";
    }
    int authorityEnd = root.indexOf('/', schemeEnd + 3);
    return authorityEnd < 0 ? root : root.substring(0, authorityEnd);
  }

  private static String safeName(String operatorId) {
    return operatorId.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static CompactionService compactionService(Configuration conf) {
    String where = conf.get(DisaggregatedOptions.COMPACTION).trim().toLowerCase(Locale.ROOT);
    switch (where) {
      case "local":
        return null;
      case "remote":
        String address = conf.get(DisaggregatedOptions.COMPACTION_REMOTE_ADDRESS);
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
          throw new IllegalArgumentException(DisaggregatedOptions.COMPACTION_REMOTE_ADDRESS.key()
              + " must be host:port of an eddy compaction-worker, got '" + address + "'");
        }
        return new RemoteCompactionService(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)),
            conf.get(DisaggregatedOptions.COMPACTION_REMOTE_TOKEN),
            (int) conf.get(DisaggregatedOptions.COMPACTION_REMOTE_TIMEOUT).toMillis());
      default:
        throw new IllegalArgumentException(DisaggregatedOptions.COMPACTION.key() + " must be local or remote, got '" + where + "'");
    }
  }

  /** Empties the cache and removes its folder (each cache has a folder of its own). */
  private static void closeFileCache(LocalFileCache cache, Path dir) throws IOException {
    cache.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
