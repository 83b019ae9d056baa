package io.eddy.runtime.operators.windowing;

import io.eddy.api.state.ListState;
import io.eddy.api.tuple.Tuple2;
import io.eddy.api.windowing.EventTimeSessionWindows;
import io.eddy.api.windowing.MergingWindowAssigner;
import io.eddy.api.windowing.ProcessingTimeSessionWindows;
import io.eddy.api.windowing.TimeWindow;
import io.eddy.api.windowing.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The session windows of one key and, for each, the window under which its contents are stored
 * (the "state window"). When windows merge, the contents stay under one of the merged windows'
 * state windows, so merging costs a namespace merge instead of a copy. Loaded from keyed state
 * for each access and persisted back (with update()) when it changed. A key has few windows at
 * a time, so they are a list searched in order (linear in the number of windows).
 *
 * <p>When the assigner merges time windows into their cover (the session assigners), a new
 * window inside an existing one is that window, unchanged: the common case of a session's
 * next element at a time it already covers costs no merge.
 */
final class MergingWindowSet<W extends Window> {
  /** Called when windows merge, before the mapping is persisted. */
  interface MergeFunction<W> {
    void merge(W mergeResult, Collection<W> mergedWindows, W stateWindowResult, Collection<W> mergedStateWindows)
        throws Exception;
  }

  /** (window, state window) pairs; a pair is replaced, never changed, as it may be the state's. */
  private final List<Tuple2<W, W>> mapping = new ArrayList<>();
  private final ListState<Tuple2<W, W>> persisted;
  private final MergingWindowAssigner<?, W> assigner;
  private boolean changed;

  MergingWindowSet(MergingWindowAssigner<?, W> assigner, ListState<Tuple2<W, W>> persisted) throws Exception {
    this.assigner = assigner;
    this.persisted = persisted;
    for (Tuple2<W, W> entry : persisted.get()) {
      mapping.add(entry);
    }
  }

  void persist() throws Exception {
    if (!changed) {
      return;
    }
    persisted.update(mapping);
  }

  W getStateWindow(W window) {
    int i = indexOf(window);
    return i < 0 ? null : mapping.get(i).f1;
  }

  void retireWindow(W window) {
    if (remove(window) == null) {
      throw new IllegalStateException("Window " + window + " is not in the merging window set");
    }
    changed = true;
  }

  /** Adds a new window, merging it with existing ones; returns the window it ended up in. */
  W addWindow(W newWindow, MergeFunction<W> mergeFunction) throws Exception {
    W covering = coveringWindow(newWindow);
    if (covering != null) {
      return covering;
    }
    changed = true;
    List<W> windows = new ArrayList<>(mapping.size() + 1);
    for (Tuple2<W, W> entry : mapping) {
      windows.add(entry.f0);
    }
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
      W mergedStateWindow = getStateWindow(mergedWindows.get(0));
      List<W> mergedStateWindows = new ArrayList<>();
      for (W merged : mergedWindows) {
        W stateWindow = remove(merged);
        if (stateWindow != null) {
          mergedStateWindows.add(stateWindow);
        }
      }
      put(mergeResult, mergedStateWindow);
      mergedStateWindows.remove(mergedStateWindow);
      if (!(mergedWindows.contains(mergeResult) && mergedWindows.size() == 1)) {
        mergeFunction.merge(mergeResult, mergedWindows, mergedStateWindow, mergedStateWindows);
      }
    }
    if (mergeResults.isEmpty() || (resultWindow.equals(newWindow) && !mergedNewWindow)) {
      put(resultWindow, resultWindow);
    }
    return resultWindow;
  }

  private int indexOf(W window) {
    for (int i = 0; i < mapping.size(); i++) {
      if (mapping.get(i).f0.equals(window)) {
        return i;
      }
    }
    return -1;
  }

  /** Removes the window; returns its state window, or null if it was not in the set. */
  private W remove(W window) {
    int i = indexOf(window);
    return i < 0 ? null : mapping.remove(i).f1;
  }

  private void put(W window, W stateWindow) {
    int i = indexOf(window);
    if (i < 0) {
      mapping.add(Tuple2.of(window, stateWindow));
    } else {
      mapping.set(i, Tuple2.of(window, stateWindow));
    }
  }

  /** The window that holds the new one, if the assigner merges into covers; else null. */
  private W coveringWindow(W newWindow) {
    if (!(assigner instanceof EventTimeSessionWindows || assigner instanceof ProcessingTimeSessionWindows)) {
      return null;
    }
    TimeWindow inner = (TimeWindow) newWindow;
    for (Tuple2<W, W> entry : mapping) {
      TimeWindow outer = (TimeWindow) entry.f0;
      if (outer.getStart() <= inner.getStart() && inner.getEnd() <= outer.getEnd()) {
        return entry.f0;
      }
    }
    return null;
  }
}
