package io.eddy.cli.bench;

import io.eddy.api.config.CoreOptions;
import io.eddy.api.config.Configuration;
import io.eddy.state.disagg.DisaggregatedOptions;
import io.eddy.state.rocksdb.RocksDbOptions;
import io.eddy.state.rocksdb.TransferStats;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The keyed state backends the state benchmarks compare ({@code state.backend.type}), each with
 * its local folders placed inside the run's directory, so a benchmark writes nowhere else and
 * removes everything it wrote.
 */
public enum BenchBackend {
  HASHMAP,
  ROCKSDB,
  DISAGGREGATED;

  /** The {@code state.backend.type} value, as typed on the command line. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The backends named in {@code names}, in order; throws naming the valid ones otherwise. */
  public static List<BenchBackend> parse(List<String> names) {
    return names.stream().map(BenchBackend::of).toList();
  }

  private static BenchBackend of(String name) {
    for (BenchBackend b : values()) {
      if (b.key().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return b;
      }
    }
    throw new IllegalArgumentException("Unknown backend '" + name + "'; use "
        + Arrays.stream(values()).map(BenchBackend::key).toList());
  }

  /**
   * Selects this backend in {@code conf}, its local files under {@code dir}. Disaggregated state
   * needs no setting for that: its primary copy defaults to {@code <state.checkpoints.dir>/db}.
   */
  void configure(Configuration conf, Path dir) {
    conf.set(CoreOptions.STATE_BACKEND, key());
    switch (this) {
      case ROCKSDB -> conf.set(RocksDbOptions.LOCAL_DIRECTORY, dir.resolve("rocksdb-local").toString());
      case DISAGGREGATED -> conf.set(DisaggregatedOptions.CACHE_LOCAL_DIR, dir.resolve("disaggregated-cache").toString());
      case HASHMAP -> { }
    }
  }

  /**
   * Makes this backend's stores finish the flushes and compactions their writes caused before they
   * close, so that a bounded job's run time includes them; returns false for a backend that cannot
   * (its jobs end with that work undone, and a short job looks fast).
   */
  boolean awaitBackgroundWorkAtClose(Configuration conf) {
    if (this != DISAGGREGATED) {
      return false;
    }
    conf.set(DisaggregatedOptions.CLOSE_AWAITS_BACKGROUND_WORK, true);
    return true;
  }

  /**
   * Bytes all stores of this backend have copied from checkpoint storage in this process so far
   * (RocksDB's restore downloads), or -1 where the backend keeps no such process-wide count.
   */
  long bytesFetched() {
    return this == ROCKSDB ? TransferStats.process().bytesDownloaded() : -1;
  }
}
