package io.eddy.api.windowing;

import io.eddy.api.state.State;
import io.eddy.api.state.StateDescriptor;
import java.io.Serializable;

/**
 * Decides when a window is evaluated. Called on the task thread for one (key, window) at a
 * time; timers and state obtained from the context are scoped to that pair.
 */
public abstract class Trigger<T, W extends Window> implements Serializable {

  public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx)
      throws Exception;

  public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

  public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

  public boolean canMerge() {
    return false;
  }

  public void onMerge(W window, OnMergeContext ctx) throws Exception {
    throw new UnsupportedOperationException("This trigger does not support merging windows");
  }

  /** Clears what the trigger keeps for the window (timers, state) when the window is purged. */
  public abstract void clear(W window, TriggerContext ctx) throws Exception;

  /** Timers and state of the current (key, window). */
  public interface TriggerContext {
    long getCurrentProcessingTime();

    long getCurrentWatermark();

    void registerProcessingTimeTimer(long time);

    void registerEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);

    <S extends State> S getPartitionedState(StateDescriptor<?> descriptor);
  }

  /** The context while windows merge; its window is the merge result. */
  public interface OnMergeContext extends TriggerContext {
    /**
     * Merges the trigger state named by the descriptor of the windows being merged into the
     * merge result. REQUIRES: a reducing, aggregating or list state descriptor.
     */
    void mergePartitionedState(StateDescriptor<?> descriptor) throws Exception;
  }
}
