package io.eddy.cli.bench;

import io.eddy.api.connector.Boundedness;
import io.eddy.api.connector.InputStatus;
import io.eddy.api.connector.ReaderOutput;
import io.eddy.api.connector.Source;
import io.eddy.api.connector.SourceReader;
import io.eddy.api.connector.SourceReaderContext;
import java.io.Serializable;
import java.util.List;

/**
 * The input of the recovery benchmark: the numbers {@code 0, 1, 2, ...} split among the subtasks
 * by stride. The first {@code keys} (the load) come as fast as the job takes them; after them a
 * subtask emits one number per poll (about one a millisecond), enough to reach the failure and
 * to show the first record after the restart without growing or churning the state much. Ends
 * once the {@link RecoveryProbe} saw the recovery, or when no failure came within {@link
 * #PATIENCE_NANOS} of the load (no checkpoint completed). Checkpoints each subtask's next number;
 * restarts must keep the parallelism.
 */
final class RecoverySource implements Source<Long> {
  private static final long PATIENCE_NANOS = 10L * 60 * 1_000_000_000L;
  private static final int LOAD_BATCH = 64;

  private final String probeId;

  RecoverySource(String probeId) {
    this.probeId = probeId;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SourceReader<Long> createReader(SourceReaderContext context) {
    long next = context.isRestored() ? (Long) context.restoredState().get(0) : context.subtaskIndex();
    return new Reader(RecoveryProbe.get(probeId), next, context.parallelism());
  }

  private static final class Reader implements SourceReader<Long> {
    private final RecoveryProbe probe;
    private final int stride;
    private long next;
    private long loadedNanos;

    Reader(RecoveryProbe probe, long next, int stride) {
      this.probe = probe;
      this.next = next;
      this.stride = stride;
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Long> output) {
      if (next < probe.keys()) {
        for (int i = 0; i < LOAD_BATCH && next < probe.keys(); i++, next += stride) {
          output.collect(next);
        }
        return InputStatus.MORE_AVAILABLE;
      }
      if (loadedNanos == 0) {
        loadedNanos = System.nanoTime();
      }
      if (probe.recovered() || (!probe.failed() && System.nanoTime() - loadedNanos > PATIENCE_NANOS)) {
        return InputStatus.END_OF_INPUT;
      }
      output.collect(next);
      next += stride;
      return InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public List<? extends Serializable> snapshotState(long checkpointId) {
      return List.of(next);
    }
  }
}
