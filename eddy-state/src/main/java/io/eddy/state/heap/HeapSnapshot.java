package io.eddy.state.heap;

import io.eddy.api.state.StateDescriptor;
import io.eddy.api.types.TypeSerializer;
import io.eddy.api.types.TypeSerializers;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyGroupRangeAssignment;
import io.eddy.state.KeyGroupStreamSnapshot;
import io.eddy.state.VoidNamespace;
import io.eddy.state.timers.HeapTimerQueue;
import io.eddy.state.timers.Timer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A heap backend's checkpoint: per state, the frozen entries of every key group; per timer
 * queue, its timers grouped by key group. Key group layout, in order:
 * {@code int states; per state: UTF name, byte kind, int entries, entries (key, namespace,
 * value)} then {@code int queues; per queue: UTF name, int timers, timers (long time, key,
 * namespace)}; keys, namespaces and values in the generic serializer's form, the void
 * namespace as a single flag byte.
 */
final class HeapSnapshot implements KeyGroupStreamSnapshot {
  private static final TypeSerializer<Object> GENERIC = TypeSerializers.generic();

  private record FrozenState(String name, StateDescriptor.Kind kind, StateMap.Frozen[] groups) {}

  private final KeyGroupRange range;
  private final List<FrozenState> states = new ArrayList<>();
  private final Map<String, Map<Integer, List<Timer<?, ?>>>> timers = new LinkedHashMap<>();
  private final SnapshotVersions versions;

  HeapSnapshot(KeyGroupRange range, Map<String, HeapKeyedStateBackend.RestoredTable> tables,
      Map<String, ? extends HeapTimerQueue<?, ?>> timerQueues, SnapshotVersions versions) {
    this.range = range;
    this.versions = versions;
    tables.forEach((name, t) -> {
      StateMap.Frozen[] groups = new StateMap.Frozen[range.size()];
      for (int kg = range.startKeyGroup(); kg <= range.endKeyGroup(); kg++) {
        groups[kg - range.startKeyGroup()] = t.table().freeze(kg);
      }
      states.add(new FrozenState(name, t.kind(), groups));
    });
    timerQueues.forEach((name, queue) -> {
      Map<Integer, List<Timer<?, ?>>> byGroup = new HashMap<>();
      for (Timer<?, ?> timer : queue.snapshot()) {
        byGroup.computeIfAbsent(timer.keyGroup(), g -> new ArrayList<>()).add(timer);
      }
      timers.put(name, byGroup);
    });
  }

  @Override
  public KeyGroupRange keyGroupRange() {
    return range;
  }

  @Override
  public void writeKeyGroup(int keyGroup, DataOutputStream out) throws IOException {
    out.writeInt(states.size());
    for (FrozenState state : states) {
      StateMap.Frozen frozen = state.groups()[keyGroup - range.startKeyGroup()];
      out.writeUTF(state.name());
      out.writeByte(state.kind().ordinal());
      out.writeInt(frozen.size());
      Object[] keys = frozen.keys();
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] != null) {
          GENERIC.serialize(keys[i], out);
          writeNamespace(frozen.namespaces()[i], out);
          GENERIC.serialize(frozen.values()[i], out);
        }
      }
    }
    out.writeInt(timers.size());
    for (Map.Entry<String, Map<Integer, List<Timer<?, ?>>>> queue : timers.entrySet()) {
      List<Timer<?, ?>> list = queue.getValue().getOrDefault(keyGroup, List.of());
      out.writeUTF(queue.getKey());
      out.writeInt(list.size());
      for (Timer<?, ?> timer : list) {
        out.writeLong(timer.timestamp());
        GENERIC.serialize(timer.key(), out);
        writeNamespace(timer.namespace(), out);
      }
    }
  }

  @Override
  public void release() {
    versions.finished();
  }

  private static void writeNamespace(Object namespace, DataOutputStream out) throws IOException {
    boolean isVoid = namespace == VoidNamespace.INSTANCE;
    out.writeBoolean(isVoid);
    if (!isVoid) {
      GENERIC.serialize(namespace, out);
    }
  }

  private static Object readNamespace(DataInputStream in) throws IOException {
    return in.readBoolean() ? VoidNamespace.INSTANCE : GENERIC.deserialize(in);
  }

  /** Reads one key group written by {@link #writeKeyGroup} into the backend. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <K> void readKeyGroup(int keyGroup, DataInputStream in, HeapKeyedStateBackend<K> backend) throws IOException {
    StateDescriptor.Kind[] kinds = StateDescriptor.Kind.values();
    int stateCount = in.readInt();
    for (int s = 0; s < stateCount; s++) {
      String name = in.readUTF();
      int kindIndex = in.readByte();
      if (kindIndex < 0 || kindIndex >= kinds.length) {
        throw new IOException("Corrupt snapshot: unknown state kind " + kindIndex + " for state '" + name + "'");
      }
      StateTable table = backend.tableForRestore(name, kinds[kindIndex]);
      int entries = in.readInt();
      for (int e = 0; e < entries; e++) {
        Object key = GENERIC.deserialize(in);
        Object namespace = readNamespace(in);
        Object value = GENERIC.deserialize(in);
        checkKeyGroup(key, keyGroup, backend.maxParallelism(), name);
        table.put(keyGroup, key, key.hashCode(), namespace, value);
      }
    }
    int queueCount = in.readInt();
    for (int q = 0; q < queueCount; q++) {
      HeapTimerQueue<K, Object> queue = backend.timerQueueForRestore(in.readUTF());
      int count = in.readInt();
      for (int t = 0; t < count; t++) {
        long time = in.readLong();
        K key = (K) GENERIC.deserialize(in);
        Object namespace = readNamespace(in);
        checkKeyGroup(key, keyGroup, backend.maxParallelism(), "timers");
        queue.add(new Timer<>(time, key, namespace, keyGroup));
      }
    }
  }

  private static void checkKeyGroup(Object key, int keyGroup, int maxParallelism, String what) throws IOException {
    int actual = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
    if (actual != keyGroup) {
      throw new IOException("Snapshot of " + what + " holds key " + key + " under key group " + keyGroup
          + " but it belongs to " + actual + ": was max parallelism changed, or is the key's hashCode unstable?");
    }
  }
}
