package io.eddy.cli.bench;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.CheckpointListener;
import io.eddy.api.state.CheckpointedFunction;

/**
 * The {@link Payload} of the recovery benchmark, telling its {@link RecoveryProbe} what happens:
 * in the first attempt it counts the load, reports snapshots and completed checkpoints, and
 * throws once the probe says so; in later attempts it reports that it opened (state restored)
 * and that it processed its first record (recovered).
 */
final class RecoveryPayload extends Payload implements CheckpointedFunction, CheckpointListener {
  private final String probeId;
  private transient RecoveryProbe probe;
  private transient boolean restarted;
  private transient boolean processedAfterRestart;

  RecoveryPayload(String probeId, int size) {
    super(size);
    this.probeId = probeId;
  }

  /** Nothing to keep: the function is checkpointed only to hear of each snapshot. */
  @Override
  public void initializeState(FunctionInitializationContext context) {}

  @Override
  public void open(OpenContext ctx) throws Exception {
    super.open(ctx);
    probe = RecoveryProbe.get(probeId);
    restarted = getRuntimeContext().getTaskInfo().getAttemptNumber() > 0;
    if (restarted) {
      probe.reopened();
    }
  }

  @Override
  public void processElement(Long i, Context ctx, Collector<Long> out) throws Exception {
    if (!restarted && i >= probe.keys() && probe.failNow()) {
      throw new IllegalStateException("recovery benchmark: failure after the load and a checkpoint of it");
    }
    super.processElement(i, ctx, out);
    if (!restarted) {
      if (i < probe.keys()) {
        probe.loaded();
      }
    } else if (!processedAfterRestart) {
      processedAfterRestart = true;
      probe.firstRecordAfterRestart();
    }
  }

  @Override
  public void snapshotState(long checkpointId) {
    if (!restarted) {
      probe.snapshotting(checkpointId);
    }
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    if (!restarted) {
      probe.checkpointCompleted(checkpointId);
    }
  }
}
