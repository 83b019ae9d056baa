package io.eddy.runtime.operators;

import io.eddy.api.state.BroadcastState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ReadOnlyBroadcastState;
import io.eddy.state.OperatorStateMode;
import io.eddy.state.heap.HeapOperatorStateStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The broadcast states of one subtask of a broadcast operator: exactly those whose descriptors
 * were passed to {@code broadcast(...)}, restored from and snapshotted to the operator's state
 * as {@code broadcast:bs/<name>} (every subtask writes its copy; a restore gives every subtask
 * one copy). Hands out read-only views to the non-broadcast side. Owned by the task thread.
 */
final class BroadcastStates {
  private static final String PREFIX = "bs/";

  private final String operatorName;
  private final HeapOperatorStateStore store = new HeapOperatorStateStore();
  private final Map<String, MapStateDescriptor<?, ?>> declared = new HashMap<>();
  private final Map<String, ReadOnlyBroadcastState<?, ?>> readOnly = new HashMap<>();

  BroadcastStates(String operatorName, List<MapStateDescriptor<?, ?>> descriptors,
      Map<String, List<Object>> restoredLists) {
    this.operatorName = operatorName;
    Map<String, List<Object>> mine = new HashMap<>();
    if (restoredLists != null) {
      restoredLists.forEach((name, values) -> {
        if (OperatorStateMode.of(name) == OperatorStateMode.BROADCAST && OperatorStateMode.hasPrefix(name, PREFIX)) {
          mine.put(OperatorStateMode.withoutPrefix(name, PREFIX), values);
        }
      });
    }
    store.restore(mine);
    for (MapStateDescriptor<?, ?> descriptor : descriptors) {
      declared.put(descriptor.getName(), descriptor);
      readOnly.put(descriptor.getName(), new ReadOnlyView<>(store.getBroadcastState(descriptor)));
    }
  }

  /** The writable state of a declared descriptor. */
  <K, V> BroadcastState<K, V> get(MapStateDescriptor<K, V> descriptor) {
    check(descriptor);
    return store.getBroadcastState(descriptor);
  }

  @SuppressWarnings("unchecked")
  <K, V> ReadOnlyBroadcastState<K, V> getReadOnly(MapStateDescriptor<K, V> descriptor) {
    check(descriptor);
    return (ReadOnlyBroadcastState<K, V>) readOnly.get(descriptor.getName());
  }

  private void check(MapStateDescriptor<?, ?> descriptor) {
    if (!declared.containsKey(descriptor.getName())) {
      throw new IllegalArgumentException("Operator '" + operatorName + "' has no broadcast state '"
          + descriptor.getName() + "': pass its MapStateDescriptor to broadcast(...), declared there: "
          + declared.keySet());
    }
  }

  /** The states' entries for a checkpoint, by their checkpointed names. */
  Map<String, List<Object>> snapshot() {
    Map<String, List<Object>> lists = new HashMap<>();
    store.entries().forEach((name, values) -> lists.put(OperatorStateMode.withPrefix(name, PREFIX), values));
    return lists;
  }

  /** A view that offers only reads (a cast to BroadcastState does not get past it). */
  private record ReadOnlyView<K, V>(BroadcastState<K, V> state) implements ReadOnlyBroadcastState<K, V> {
    @Override
    public V get(K key) throws Exception {
      return state.get(key);
    }

    @Override
    public boolean contains(K key) throws Exception {
      return state.contains(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> immutableEntries() throws Exception {
      return state.immutableEntries();
    }

    @Override
    public void clear() {
      throw new UnsupportedOperationException("Broadcast state is read-only on the non-broadcast side");
    }
  }
}
