package io.eddy.runtime.tasks;

import io.eddy.runtime.checkpoint.CheckpointStorage;
import io.eddy.runtime.checkpoint.OperatorSnapshot;
import io.eddy.runtime.checkpoint.StateFile;
import io.eddy.runtime.checkpoint.StateHandle;
import io.eddy.runtime.checkpoint.TaskAcknowledgement;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.graph.StreamNode;
import io.eddy.runtime.operators.StreamOperator;
import io.eddy.state.KeyedStateBackend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A task's part of a checkpoint, in Flink's two phases. {@link #snapshot} is synchronous, on the
 * task thread, between two records: each operator's lists and its keyed backend's snapshot (cheap:
 * a frozen view or a pinned version). {@link #writeAsync} then writes one state file per operator
 * that has state on the checkpoint I/O pool (the others are acknowledged without a file) and acknowledges to the coordinator, or declines the
 * checkpoint (releasing what it did not write) if anything fails. For a savepoint the backends
 * take their self-contained savepoint instead of a checkpoint snapshot.
 */
final class SnapshotWriter {
  private final TaskEnvironment env;
  private final JobVertex vertex;
  private final int subtask;
  private final OperatorChain chain;
  private final TaskStateInitializer state;

  SnapshotWriter(TaskEnvironment env, JobVertex vertex, int subtask, OperatorChain chain, TaskStateInitializer state) {
    this.env = env;
    this.vertex = vertex;
    this.subtask = subtask;
    this.chain = chain;
    this.state = state;
  }

  /** The synchronous part, in chain order. Task thread. */
  List<OperatorSnapshot> snapshot(long checkpointId) throws Exception {
    List<StreamNode> nodes = vertex.nodes();
    List<OperatorSnapshot> snapshots = new ArrayList<>(nodes.size());
    boolean savepoint = env.checkpointStorage(checkpointId).isSavepoint();
    for (int i = 0; i < nodes.size(); i++) {
      StreamOperator op = chain.operators().get(i);
      Map<String, List<Object>> lists = new HashMap<>();
      OperatorChain.call(op, () -> lists.putAll(op.snapshotOperatorState(checkpointId)));
      KeyedStateBackend<Object> backend = state.backendOf(nodes.get(i));
      snapshots.add(new OperatorSnapshot(backend == null ? null
          : savepoint ? backend.savepoint(checkpointId) : backend.snapshot(checkpointId), lists));
    }
    return snapshots;
  }

  /** The asynchronous part: writes the state files on the checkpoint I/O pool, then acknowledges (or declines). */
  void writeAsync(long checkpointId, List<OperatorSnapshot> snapshots) {
    env.checkpointIo().execute(() -> write(checkpointId, snapshots));
  }

  private void write(long checkpointId, List<OperatorSnapshot> snapshots) {
    List<TaskAcknowledgement> parts = new ArrayList<>();
    List<StreamNode> nodes = vertex.nodes();
    int written = 0;
    try {
      for (; written < nodes.size(); written++) {
        StreamNode node = nodes.get(written);
        OperatorSnapshot snapshot = snapshots.get(written);
        if (snapshot.isEmpty()) {
          if (snapshot.keyed() != null) {
            snapshot.keyed().release();
          }
          // recorded without a file: a restore then knows the operator was there (a source it does not know is new)
          parts.add(new TaskAcknowledgement(node.stateId(), node.name(), node.parallelism(),
              new StateHandle(subtask, null, 0, null)));
          continue;
        }
        CheckpointStorage target = env.checkpointStorage(checkpointId);
        KeyedStateBackend<Object> backend = state.backendOf(node);
        String path = target.newStatePath(checkpointId, node.stateId(), subtask);
        StateFile.Sizes sizes = StateFile.write(target.fileSystem(), path,
            backend == null ? "" : backend.backendType(), snapshot);
        parts.add(new TaskAcknowledgement(node.stateId(), node.name(), node.parallelism(),
            new StateHandle(subtask, path, sizes.stateSize(), sizes.checkpointedSize(),
                snapshot.keyed() == null ? null : snapshot.keyed().keyGroupRange())));
      }
      env.acknowledgeCheckpoint(checkpointId, parts);
    } catch (Throwable t) {
      for (int i = written + 1; i < snapshots.size(); i++) {
        if (snapshots.get(i).keyed() != null) {
          snapshots.get(i).keyed().release();
        }
      }
      env.declineCheckpoint(checkpointId, t);
    }
  }
}
