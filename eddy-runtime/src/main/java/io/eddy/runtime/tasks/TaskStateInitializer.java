package io.eddy.runtime.tasks;

import io.eddy.api.config.CoreOptions;
import io.eddy.runtime.checkpoint.RestoredState;
import io.eddy.runtime.graph.StreamNode;
import io.eddy.state.KeyGroupRangeAssignment;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.StateBackendFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each operator of a task its state (Flink's StreamTaskStateInitializer): a keyed state
 * backend of {@code state.backend.type} for keyed operators, covering the key groups the subtask
 * owns and restored from the checkpoint the attempt starts from, and the subtask's share of the
 * restored operator lists. Owns the backends it created until {@link #closeAll}.
 *
 * <p>Task thread only (the constructor of the task runs on the job's thread, before the task
 * thread starts).
 */
final class TaskStateInitializer {
  private final TaskEnvironment env;
  private final int subtask;
  private final Map<StreamNode, KeyedStateBackend<Object>> backends = new HashMap<>();

  TaskStateInitializer(TaskEnvironment env, int subtask) {
    this.env = env;
    this.subtask = subtask;
  }

  /** A restored keyed backend for {@code node}, or null if it is not keyed. */
  KeyedStateBackend<Object> keyedBackend(StreamNode node) {
    if (node.keySelector1() == null && node.keySelector2() == null) {
      return null;
    }
    String type = env.configuration().get(CoreOptions.STATE_BACKEND);
    KeyedStateBackend<Object> backend = StateBackendFactory.load(type).createKeyedBackend(node.stateId(),
        KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(node.maxParallelism(), node.parallelism(), subtask),
        node.maxParallelism(), env.configuration());
    backends.put(node, backend);
    RestoredState restored = env.restoredState();
    if (restored != null) {
      try {
        restored.restoreKeyed(node.stateId(), backend);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot restore keyed state of '" + node.name() + "' from checkpoint "
            + restored.checkpointId() + ": " + e.getMessage(), e);
      }
    }
    return backend;
  }

  /**
   * The subtask's share of {@code node}'s restored operator lists, or null on a fresh start. A
   * source that the restored checkpoint does not know (one added to the job since the savepoint)
   * starts fresh too, reading its input from the beginning, as a Flink source whose enumerator
   * has no state does.
   */
  Map<String, List<Object>> restoredLists(StreamNode node) {
    RestoredState restored = env.restoredState();
    if (restored == null
        || node.kind() == StreamNode.Kind.SOURCE && !restored.metadata().operators().containsKey(node.stateId())) {
      return null;
    }
    try {
      return restored.lists(node.stateId(), subtask, node.parallelism());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restore state of '" + node.name() + "' from checkpoint "
          + restored.checkpointId() + ": " + e.getMessage(), e);
    }
  }

  /** The backend of {@code node}, or null. */
  KeyedStateBackend<Object> backendOf(StreamNode node) {
    return backends.get(node);
  }

  Collection<KeyedStateBackend<Object>> backends() {
    return backends.values();
  }

  /**
   * Closes the keyed state backends with the thread's interrupt cleared for the time of it: a
   * cancelled task is interrupted, and a backend's I/O (an S3 request, a file channel) would
   * abort on it and leave its files behind.
   */
  void closeAll() {
    boolean interrupted = Thread.interrupted();
    for (KeyedStateBackend<Object> backend : backends.values()) {
      try {
        backend.close();
      } catch (RuntimeException e) {
        System.err.println("eddy: cannot close the state backend of a task: " + e);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
