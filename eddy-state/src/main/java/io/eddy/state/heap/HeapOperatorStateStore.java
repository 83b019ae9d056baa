package io.eddy.state.heap;

import io.eddy.api.state.BroadcastState;
import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.OperatorStateStore;
import io.eddy.api.tuple.Tuple2;
import io.eddy.state.OperatorStateMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operator (non-keyed) state of one subtask, on the heap: split and union lists and broadcast
 * maps. {@link #entries} and {@link #restore} speak the checkpoint's form: names carrying their
 * {@link OperatorStateMode}, a broadcast map as a list of (key, value) {@link Tuple2}s. Which
 * entries a subtask gets back on restore is decided by the checkpoint reader from the mode;
 * this store only takes what it is given. Owned by the task thread.
 */
public final class HeapOperatorStateStore implements OperatorStateStore {
  private final Map<String, ArrayList<Object>> lists = new HashMap<>();
  private final Map<String, OperatorStateMode> listModes = new HashMap<>();
  private final Map<String, HeapBroadcastState<Object, Object>> broadcast = new HashMap<>();
  /** Restored entries of states not asked for yet, by encoded name. */
  private final Map<String, List<Object>> restored = new HashMap<>();

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return list(descriptor.getName(), OperatorStateMode.SPLIT);
  }

  @Override
  public <T> ListState<T> getUnionListState(ListStateDescriptor<T> descriptor) {
    return list(descriptor.getName(), OperatorStateMode.UNION);
  }

  @SuppressWarnings("unchecked")
  private <T> ListState<T> list(String name, OperatorStateMode mode) {
    checkNotBroadcast(name);
    OperatorStateMode existing = listModes.putIfAbsent(name, mode);
    if (existing != null && existing != mode) {
      throw new IllegalStateException("Operator state '" + name + "' is a " + describe(existing)
          + "; it cannot also be used as a " + describe(mode));
    }
    ArrayList<T> list = (ArrayList<T>) lists.computeIfAbsent(name, n -> {
      List<Object> values = restored.remove(mode.encode(n));
      return values == null ? new ArrayList<>() : new ArrayList<>(values);
    });
    return new OperatorListState<>(list);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
    String name = descriptor.getName();
    if (listModes.containsKey(name)) {
      throw new IllegalStateException("Operator state '" + name + "' is a " + describe(listModes.get(name))
          + "; it cannot also be used as a broadcast state");
    }
    return (BroadcastState<K, V>) broadcast.computeIfAbsent(name, n -> {
      HeapBroadcastState<Object, Object> state = new HeapBroadcastState<>();
      List<Object> pairs = restored.remove(OperatorStateMode.BROADCAST.encode(n));
      if (pairs != null) {
        for (Object pair : pairs) {
          Tuple2<Object, Object> entry = (Tuple2<Object, Object>) pair;
          state.put(entry.f0, entry.f1);
        }
      }
      return state;
    });
  }

  private void checkNotBroadcast(String name) {
    if (broadcast.containsKey(name)) {
      throw new IllegalStateException("Operator state '" + name + "' is a broadcast state; it cannot also be used as a "
          + "list state");
    }
  }

  private static String describe(OperatorStateMode mode) {
    return mode == OperatorStateMode.UNION ? "union list state (getUnionListState)" : "list state (getListState)";
  }

  @Override
  public Set<String> getRegisteredStateNames() {
    return new LinkedHashSet<>(lists.keySet());
  }

  @Override
  public Set<String> getRegisteredBroadcastStateNames() {
    return new LinkedHashSet<>(broadcast.keySet());
  }

  /**
   * The current entries per encoded name (for snapshots), including restored states the
   * function has not asked for again, so that they are not lost by a checkpoint.
   */
  public Map<String, List<Object>> entries() {
    Map<String, List<Object>> copy = new HashMap<>(restored);
    lists.forEach((name, list) -> copy.put(listModes.get(name).encode(name), List.copyOf(list)));
    broadcast.forEach((name, state) -> {
      List<Object> pairs = new ArrayList<>(state.map().size());
      state.map().forEach((k, v) -> pairs.add(Tuple2.of(k, v)));
      copy.put(OperatorStateMode.BROADCAST.encode(name), pairs);
    });
    return copy;
  }

  /** Replaces the content with restored entries, by encoded name. */
  public void restore(Map<String, List<Object>> entries) {
    lists.clear();
    listModes.clear();
    broadcast.clear();
    restored.clear();
    restored.putAll(entries);
  }

  /** A list state backed by one of the store's lists. */
  private record OperatorListState<T>(ArrayList<T> list) implements ListState<T> {
    @Override
    public Iterable<T> get() {
      return list;
    }

    @Override
    public void add(T value) {
      list.add(value);
    }

    @Override
    public void update(List<T> values) {
      list.clear();
      list.addAll(values);
    }

    @Override
    public void addAll(List<T> values) {
      list.addAll(values);
    }

    @Override
    public void clear() {
      list.clear();
    }
  }
}
