package io.eddy.runtime.operators.windowing;

import io.eddy.api.state.ListState;
import io.eddy.api.tuple.Tuple2;
import io.eddy.api.windowing.MergingWindowAssigner;
import io.eddy.api.windowing.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The session windows of one key and, for each, the window under which its contents are stored
 * (the "state window"). When windows merge, the contents stay under one of the merged windows'
 * state windows, so merging costs a namespace merge instead of a copy. Loaded from and
 * persisted to keyed state.
 */
final class MergingWindowSet<W extends Window> {
  /** Called when windows merge, before the mapping is persisted. */
  interface MergeFunction<W> {
    void merge(W mergeResult, Collection<W> mergedWindows, W stateWindowResult, Collection<W> mergedStateWindows)
        throws Exception;
  }

  private final Map<W, W> mapping = new HashMap<>();
  private final Map<W, W> initialMapping;
  private final ListState<Tuple2<W, W>> persisted;
  private final MergingWindowAssigner<?, W> assigner;

  MergingWindowSet(MergingWindowAssigner<?, W> assigner, ListState<Tuple2<W, W>> persisted) throws Exception {
    this.assigner = assigner;
    this.persisted = persisted;
    for (Tuple2<W, W> entry : persisted.get()) {
      mapping.put(entry.f0, entry.f1);
    }
    this.initialMapping = new HashMap<>(mapping);
  }

  void persist() throws Exception {
    if (mapping.equals(initialMapping)) {
      return;
    }
    List<Tuple2<W, W>> entries = new ArrayList<>(mapping.size());
    mapping.forEach((w, s) -> entries.add(Tuple2.of(w, s)));
    persisted.update(entries);
  }

  W getStateWindow(W window) {
    return mapping.get(window);
  }

  void retireWindow(W window) {
    if (mapping.remove(window) == null) {
      throw new IllegalStateException("Window " + window + " is not in the merging window set");
    }
  }

  /** Adds a new window, merging it with existing ones; returns the window it ended up in. */
  W addWindow(W newWindow, MergeFunction<W> mergeFunction) throws Exception {
    List<W> windows = new ArrayList<>(mapping.keySet());
    windows.add(newWindow);
    Map<W, Collection<W>> mergeResults = new HashMap<>();
    assigner.mergeWindows(windows, (toBeMerged, mergeResult) -> mergeResults.put(mergeResult, toBeMerged));

    W resultWindow = newWindow;
    boolean mergedNewWindow = false;
    for (Map.Entry<W, Collection<W>> c : mergeResults.entrySet()) {
      W mergeResult = c.getKey();
      List<W> mergedWindows = new ArrayList<>(c.getValue());
      if (mergedWindows.remove(newWindow)) {
        mergedNewWindow = true;
        resultWindow = mergeResult;
      }
      W mergedStateWindow = mapping.get(mergedWindows.get(0));
      List<W> mergedStateWindows = new ArrayList<>();
      for (W merged : mergedWindows) {
        W stateWindow = mapping.remove(merged);
        if (stateWindow != null) {
          mergedStateWindows.add(stateWindow);
        }
      }
      mapping.put(mergeResult, mergedStateWindow);
      mergedStateWindows.remove(mergedStateWindow);
      if (!(mergedWindows.contains(mergeResult) && mergedWindows.size() == 1)) {
        mergeFunction.merge(mergeResult, mergedWindows, mapping.get(mergeResult), mergedStateWindows);
      }
    }
    if (mergeResults.isEmpty() || (resultWindow.equals(newWindow) && !mergedNewWindow)) {
      mapping.put(resultWindow, resultWindow);
    }
    return resultWindow;
  }
}
