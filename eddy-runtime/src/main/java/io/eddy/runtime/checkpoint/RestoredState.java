package io.eddy.runtime.checkpoint;

import io.eddy.api.types.TypeSerializer;
import io.eddy.api.types.TypeSerializers;
import io.eddy.fs.FileSystem;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.KeyedStateHandle;
import io.eddy.state.OperatorStateMode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A checkpoint being restored, possibly at another parallelism: keyed state goes to the
 * subtask owning each key group (read from every old state file whose key groups overlap), and
 * operator state is handed out by its {@link OperatorStateMode} (split lists round-robin,
 * union lists to all, broadcast state one copy each). Key-group streams (the canonical form of
 * savepoints and hashmap checkpoints) restore into a backend of any kind; file handles only into
 * the kind that wrote them.
 * State files are read and verified once and shared by the tasks. Thread-safe.
 */
public final class RestoredState {
  private static final TypeSerializer<Object> GENERIC = TypeSerializers.generic();
  private final CheckpointMetadata metadata;
  private final FileSystem fs;
  private final Map<String, StateFile> files = new ConcurrentHashMap<>();

  public RestoredState(CheckpointMetadata metadata, FileSystem fs) {
    this.metadata = metadata;
    this.fs = fs;
  }

  public long checkpointId() {
    return metadata.checkpointId();
  }

  public CheckpointMetadata metadata() {
    return metadata;
  }

  private StateFile file(String path) throws IOException {
    StateFile file = files.get(path);
    if (file == null) {
      file = StateFile.read(fs, path);
      files.put(path, file);
    }
    return file;
  }

  /** Loads the key groups of {@code backend}'s range that the operator had in the checkpoint. */
  public void restoreKeyed(String stateId, KeyedStateBackend<?> backend) throws IOException {
    CheckpointMetadata.OperatorState op = metadata.operators().get(stateId);
    if (op == null) {
      return;
    }
    KeyGroupRange target = backend.keyGroupRange();
    List<KeyedStateHandle> fileHandles = new ArrayList<>();
    for (StateHandle handle : op.subtasks()) {
      if (handle.path() == null || handle.keyGroups() == null) {
        continue;
      }
      KeyGroupRange overlap = handle.keyGroups().intersection(target);
      if (overlap.size() == 0) {
        continue;
      }
      StateFile file = file(handle.path());
      if (file.hasHandle()) {
        if (!file.backendType().equals(backend.backendType())) {
          throw new IOException("The keyed state of '" + op.name() + "' in " + file.path() + " is a checkpoint of the '"
              + file.backendType() + "' state backend, which only that backend reads; this job uses '"
              + backend.backendType() + "' (state.backend.type). Resume with the same backend, or from a savepoint "
              + "(any backend restores a savepoint of any other)");
        }
        fileHandles.add(new KeyedStateHandle(handle.keyGroups(), file.handle()));
      } else {
        for (int kg = overlap.startKeyGroup(); kg <= overlap.endKeyGroup(); kg++) {
          backend.restoreKeyGroup(kg, file.keyGroup(kg));
        }
      }
    }
    if (!fileHandles.isEmpty()) {
      backend.restoreFromHandles(fileHandles);
    }
  }

  /**
   * This subtask's share of the operator's list states, by their checkpointed names (see {@link
   * OperatorStateMode}): of a split list, entry i of the old subtasks' lists concatenated goes to
   * subtask i mod parallelism; of a union list, every entry; of a broadcast state, the entries of
   * old subtask {@code subtask mod oldParallelism}.
   */
  public Map<String, List<Object>> lists(String stateId, int subtask, int parallelism) throws IOException {
    Map<String, List<Object>> result = new LinkedHashMap<>();
    CheckpointMetadata.OperatorState op = metadata.operators().get(stateId);
    if (op == null) {
      return result;
    }
    Map<String, List<Object>> all = new LinkedHashMap<>();
    int copySource = subtask % op.parallelism();
    for (StateHandle handle : op.subtasks()) {
      if (handle.path() == null) {
        continue;
      }
      file(handle.path()).lists().forEach((name, values) -> {
        List<Object> merged = all.computeIfAbsent(name, n -> new ArrayList<>());
        if (OperatorStateMode.of(name) != OperatorStateMode.BROADCAST || handle.subtask() == copySource) {
          merged.addAll(values);
        }
      });
    }
    all.forEach((name, values) -> {
      if (OperatorStateMode.of(name) != OperatorStateMode.SPLIT) {
        result.put(name, copyOf(values));
        return;
      }
      List<Object> mine = new ArrayList<>();
      for (int i = subtask; i < values.size(); i += parallelism) {
        mine.add(values.get(i));
      }
      result.put(name, mine);
    });
    return result;
  }

  /**
   * Copies entries that several subtasks get (union and broadcast state): the decoded files are
   * shared by the tasks, and each task thread must own the objects it may change.
   */
  private static List<Object> copyOf(List<Object> values) {
    try {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
      for (Object value : values) {
        GENERIC.serialize(value, out);
      }
      java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()));
      List<Object> copy = new ArrayList<>(values.size());
      for (int i = 0; i < values.size(); i++) {
        copy.add(GENERIC.deserialize(in));
      }
      return copy;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Cannot copy restored operator state: " + e.getMessage(), e);
    }
  }
}
