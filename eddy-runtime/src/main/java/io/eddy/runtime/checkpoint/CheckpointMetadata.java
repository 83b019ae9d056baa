package io.eddy.runtime.checkpoint;

import io.eddy.state.KeyGroupRange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of contents of a completed checkpoint: for every stateful operator (by state id),
 * the state handle of each of its subtasks. Written last; its presence (whole and verified)
 * is what makes a checkpoint complete. State files are named by full path, or by name alone when
 * they lie beside the metadata (a savepoint's, so that its folder can be moved). Binary body (see docs/format/checkpoint.md) with the
 * checksummed trailer of {@link StateFileFormat}.
 */
public record CheckpointMetadata(long checkpointId, long timestampMillis, String jobName, int maxParallelism,
    Map<String, OperatorState> operators) {

  private static final byte[] MAGIC = StateFileFormat.magic("EDDYMETA");
  /**
   * Version 4 added each handle's checkpointed size (version 3 and older: the state size), version 3
   * the finished subtasks (version 2 metadata is read as having none).
   */
  private static final int VERSION = 4;

  /**
   * One operator's state: its name (for display), its parallelism then, its subtasks' handles,
   * and the subtasks that had finished (they have no state).
   */
  public record OperatorState(String stateId, String name, int parallelism, List<StateHandle> subtasks,
      List<Integer> finishedSubtasks) {
    public OperatorState(String stateId, String name, int parallelism, List<StateHandle> subtasks) {
      this(stateId, name, parallelism, subtasks, List.of());
    }

    public long totalBytes() {
      return subtasks.stream().mapToLong(StateHandle::size).sum();
    }

    public long checkpointedBytes() {
      return subtasks.stream().mapToLong(StateHandle::checkpointedSize).sum();
    }

    /**
     * Every subtask had finished (Flink's fully finished operator): a restore runs none of them
     * again, at any parallelism.
     */
    public boolean isFullyFinished() {
      return finishedSubtasks.size() == parallelism;
    }

    /** Some subtask has a state file. */
    public boolean hasState() {
      return subtasks.stream().anyMatch(h -> h.path() != null);
    }
  }

  /** The state size: every state file and every backend file they reference. */
  public long totalBytes() {
    return operators.values().stream().mapToLong(OperatorState::totalBytes).sum();
  }

  /** What this checkpoint wrote: its state files and the backend files new since the previous checkpoint. */
  public long checkpointedBytes() {
    return operators.values().stream().mapToLong(OperatorState::checkpointedBytes).sum();
  }

  /**
   * This metadata with the paths of state files in {@code directory} (ending in '/') reduced to
   * their names: a savepoint's metadata names its own files so, and the folder can be moved.
   */
  public CheckpointMetadata relativeTo(String directory) {
    Map<String, OperatorState> relative = new LinkedHashMap<>();
    operators.forEach((id, op) -> relative.put(id, new OperatorState(op.stateId(), op.name(), op.parallelism(),
        op.subtasks().stream().map(h -> h.path() == null || !h.path().startsWith(directory)
            || h.path().indexOf('/', directory.length()) >= 0 ? h
            : new StateHandle(h.subtask(), h.path().substring(directory.length()), h.size(), h.checkpointedSize(),
                h.keyGroups())).toList(),
        op.finishedSubtasks())));
    return new CheckpointMetadata(checkpointId, timestampMillis, jobName, maxParallelism, relative);
  }

  /** A state file named without a folder is in the folder of the metadata file at {@code metadataPath}. */
  private static String resolve(String file, String metadataPath) {
    return file.indexOf('/') >= 0 ? file : metadataPath.substring(0, metadataPath.lastIndexOf('/') + 1) + file;
  }

  public byte[] toBytes() throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    ChecksummedOutput checked = new ChecksummedOutput(file);
    DataOutputStream out = new DataOutputStream(checked);
    out.writeInt(VERSION);
    out.writeLong(checkpointId);
    out.writeLong(timestampMillis);
    out.writeUTF(jobName);
    out.writeInt(maxParallelism);
    out.writeInt(operators.size());
    for (OperatorState op : operators.values()) {
      out.writeUTF(op.stateId());
      out.writeUTF(op.name());
      out.writeInt(op.parallelism());
      out.writeInt(op.subtasks().size());
      for (StateHandle h : op.subtasks()) {
        out.writeInt(h.subtask());
        out.writeUTF(h.path() == null ? "" : h.path());
        out.writeLong(h.size());
        out.writeLong(h.checkpointedSize());
        out.writeBoolean(h.keyGroups() != null);
        if (h.keyGroups() != null) {
          out.writeInt(h.keyGroups().startKeyGroup());
          out.writeInt(h.keyGroups().endKeyGroup());
        }
      }
      out.writeInt(op.finishedSubtasks().size());
      for (int subtask : op.finishedSubtasks()) {
        out.writeInt(subtask);
      }
    }
    out.flush();
    DataOutputStream trailer = new DataOutputStream(file);
    trailer.writeInt(checked.checksum());
    trailer.write(MAGIC);
    return file.toByteArray();
  }

  public static CheckpointMetadata fromBytes(byte[] bytes, String path) throws IOException {
    int body = StateFileFormat.verify(bytes, MAGIC, path);
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body));
      int version = in.readInt();
      if (version < 2 || version > VERSION) {
        throw new CorruptCheckpointException(path, "unsupported format version " + version);
      }
      long id = in.readLong();
      long timestamp = in.readLong();
      String jobName = in.readUTF();
      int maxParallelism = in.readInt();
      int operators = in.readInt();
      Map<String, OperatorState> byId = new LinkedHashMap<>();
      for (int o = 0; o < operators; o++) {
        String stateId = in.readUTF();
        String name = in.readUTF();
        int parallelism = in.readInt();
        int n = in.readInt();
        List<StateHandle> handles = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          int subtask = in.readInt();
          String file = in.readUTF();
          long size = in.readLong();
          long checkpointedSize = version >= 4 ? in.readLong() : size;
          KeyGroupRange range = in.readBoolean() ? new KeyGroupRange(in.readInt(), in.readInt()) : null;
          handles.add(new StateHandle(subtask, file.isEmpty() ? null : resolve(file, path), size, checkpointedSize,
              range));
        }
        List<Integer> finished = new ArrayList<>();
        for (int i = version >= 3 ? in.readInt() : 0; i > 0; i--) {
          finished.add(in.readInt());
        }
        byId.put(stateId, new OperatorState(stateId, name, parallelism, handles, finished));
      }
      return new CheckpointMetadata(id, timestamp, jobName, maxParallelism, byId);
    } catch (CorruptCheckpointException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new CorruptCheckpointException(path, "unreadable content: " + e);
    }
  }
}
