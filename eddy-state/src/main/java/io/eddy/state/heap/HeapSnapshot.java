package io.eddy.state.heap;

import io.eddy.api.state.StateDescriptor;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyGroupStreamFormat;
import io.eddy.state.KeyGroupStreamSnapshot;
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
 * A heap backend's checkpoint (and savepoint): per state, the frozen entries of every key group;
 * per timer queue, its timers grouped by key group; each key group written in the canonical
 * {@link KeyGroupStreamFormat}.
 */
final class HeapSnapshot implements KeyGroupStreamSnapshot {
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
      KeyGroupStreamFormat.writeStateHeader(out, state.name(), state.kind(), frozen.size());
      Object[] keys = frozen.keys();
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] != null) {
          KeyGroupStreamFormat.writeEntry(out, keys[i], frozen.namespaces()[i], frozen.values()[i]);
        }
      }
    }
    out.writeInt(timers.size());
    for (Map.Entry<String, Map<Integer, List<Timer<?, ?>>>> queue : timers.entrySet()) {
      List<Timer<?, ?>> list = queue.getValue().getOrDefault(keyGroup, List.of());
      KeyGroupStreamFormat.writeQueueHeader(out, queue.getKey(), list.size());
      for (Timer<?, ?> timer : list) {
        KeyGroupStreamFormat.writeTimer(out, timer.timestamp(), timer.key(), timer.namespace());
      }
    }
  }

  @Override
  public void release() {
    versions.finished();
  }

  /** Reads one key group written by {@link #writeKeyGroup} (or any backend's savepoint) into the backend. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <K> void readKeyGroup(int keyGroup, DataInputStream in, HeapKeyedStateBackend<K> backend) throws IOException {
    KeyGroupStreamFormat.readKeyGroup(keyGroup, backend.maxParallelism(), in, new KeyGroupStreamFormat.Visitor() {
      private StateTable table;
      private HeapTimerQueue<K, Object> queue;

      @Override
      public void state(String name, StateDescriptor.Kind kind) {
        table = backend.tableForRestore(name, kind);
      }

      @Override
      public void entry(Object key, Object namespace, Object value) {
        table.put(keyGroup, key, key.hashCode(), namespace, value);
      }

      @Override
      public void timerQueue(String name) {
        queue = backend.timerQueueForRestore(name);
      }

      @Override
      public void timer(long timestamp, Object key, Object namespace) {
        queue.add(new Timer<>(timestamp, (K) key, namespace, keyGroup));
      }
    });
  }
}
