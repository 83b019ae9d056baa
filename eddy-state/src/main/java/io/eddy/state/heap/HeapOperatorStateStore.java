package io.eddy.state.heap;

import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.OperatorStateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Operator (non-keyed) list state of one subtask, on the heap. On restore with another
 * parallelism the entries of all subtasks are redistributed round-robin (see {@link #restore}).
 */
public final class HeapOperatorStateStore implements OperatorStateStore {
  private final Map<String, ArrayList<Object>> lists = new HashMap<>();

  @Override
  @SuppressWarnings("unchecked")
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    ArrayList<T> list = (ArrayList<T>) lists.computeIfAbsent(descriptor.getName(), n -> new ArrayList<>());
    return new OperatorListState<>(list);
  }

  /** The current entries per state name (for snapshots). */
  public Map<String, List<Object>> entries() {
    Map<String, List<Object>> copy = new HashMap<>();
    lists.forEach((name, list) -> copy.put(name, List.copyOf(list)));
    return copy;
  }

  /** Replaces the content with restored entries. */
  public void restore(Map<String, List<Object>> restored) {
    lists.clear();
    restored.forEach((name, list) -> lists.put(name, new ArrayList<>(list)));
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
