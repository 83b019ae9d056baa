package io.eddy.cli.bench;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * What the recovery benchmark's job reports to the benchmark, across the job's attempts: the
 * engine copies sources and functions (and builds them anew on a restart), so they find their
 * probe by id in a process-wide registry.
 *
 * <p>The script it enforces: attempt 0 loads {@code keys} records; a checkpoint whose every
 * subtask snapshot came after the whole load (so it holds the full state) completes; the next
 * record makes the job fail once. The failure time and the byte counters then are the start of
 * recovery; the restarted subtasks all opening (state restored), then all processing a record,
 * end its phases. Thread-safe: called from all task threads and the checkpoint notifications.
 */
final class RecoveryProbe {
  private static final Map<String, RecoveryProbe> RUNS = new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();
  private final long keys;
  private final int parallelism;
  private final LongSupplier fetchedBytes;
  private final LongAdder loaded = new LongAdder();
  private final Map<Long, AtomicInteger> snapshotsAfterLoad = new ConcurrentHashMap<>();
  private final AtomicLong firstFullCheckpoint = new AtomicLong(Long.MAX_VALUE);
  private volatile boolean fullCheckpointCompleted;
  private final AtomicLong failedNanos = new AtomicLong();
  private final AtomicLong lastReopenNanos = new AtomicLong();
  private final AtomicInteger subtasksRecovered = new AtomicInteger();
  private final AtomicLong recoveredNanos = new AtomicLong();
  private volatile long readAtFailure;
  private volatile long fetchedAtFailure;
  private volatile long readAtRecovery;
  private volatile long fetchedAtRecovery;

  private RecoveryProbe(long keys, int parallelism, LongSupplier fetchedBytes) {
    this.keys = keys;
    this.parallelism = parallelism;
    this.fetchedBytes = fetchedBytes;
  }

  /** A probe for a job of {@code keys} load records at {@code parallelism}; {@code fetchedBytes} counts restore downloads, -1 if unknown. */
  static RecoveryProbe register(long keys, int parallelism, LongSupplier fetchedBytes) {
    RecoveryProbe probe = new RecoveryProbe(keys, parallelism, fetchedBytes);
    RUNS.put(probe.id, probe);
    return probe;
  }

  static RecoveryProbe get(String id) {
    RecoveryProbe probe = RUNS.get(id);
    if (probe == null) {
      throw new IllegalStateException("No recovery probe " + id + " in this process");
    }
    return probe;
  }

  void unregister() {
    RUNS.remove(id);
  }

  String id() {
    return id;
  }

  long keys() {
    return keys;
  }

  /** A load record was processed (attempt 0). */
  void loaded() {
    loaded.increment();
  }

  /** A subtask snapshots its state for {@code checkpointId}. */
  void snapshotting(long checkpointId) {
    if (loaded.sum() >= keys
        && snapshotsAfterLoad.computeIfAbsent(checkpointId, c -> new AtomicInteger()).incrementAndGet() == parallelism) {
      firstFullCheckpoint.accumulateAndGet(checkpointId, Math::min);
    }
  }

  void checkpointCompleted(long checkpointId) {
    if (checkpointId >= firstFullCheckpoint.get()) {
      fullCheckpointCompleted = true;
    }
  }

  /** True exactly once: for the first record after a checkpoint of the full state completed. */
  boolean failNow() {
    if (!fullCheckpointCompleted || failedNanos.get() != 0 || !failedNanos.compareAndSet(0, System.nanoTime())) {
      return false;
    }
    readAtFailure = ProcessIo.bytesRead();
    fetchedAtFailure = fetchedBytes.getAsLong();
    return true;
  }

  boolean failed() {
    return failedNanos.get() != 0;
  }

  /** A restarted subtask opened its function: its state is restored. */
  void reopened() {
    lastReopenNanos.accumulateAndGet(System.nanoTime(), Math::max);
  }

  /** A restarted subtask processed its first record; the last subtask to do so ends the recovery. */
  void firstRecordAfterRestart() {
    if (subtasksRecovered.incrementAndGet() == parallelism) {
      readAtRecovery = ProcessIo.bytesRead();
      fetchedAtRecovery = fetchedBytes.getAsLong();
      recoveredNanos.set(System.nanoTime());
    }
  }

  boolean recovered() {
    return recoveredNanos.get() != 0;
  }

  /** The measurements; empty before the job recovered. */
  Optional<Recovery> recovery() {
    if (!recovered()) {
      return Optional.empty();
    }
    long failed = failedNanos.get();
    return Optional.of(new Recovery((lastReopenNanos.get() - failed) / 1e6, (recoveredNanos.get() - failed) / 1e6,
        difference(fetchedAtFailure, fetchedAtRecovery), difference(readAtFailure, readAtRecovery)));
  }

  private static long difference(long before, long after) {
    return before < 0 || after < 0 ? -1 : after - before;
  }

  /**
   * From the failure until every restarted subtask had opened with its state restored ({@code
   * restoredMillis}) and until every one had processed a record ({@code recoveredMillis}); bytes
   * the backend fetched from checkpoint storage and the process read meanwhile (-1: not known).
   */
  record Recovery(double restoredMillis, double recoveredMillis, long fetchedBytes, long readBytes) {}
}
