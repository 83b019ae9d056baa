package io.eddy.api.windowing;

import java.io.Serializable;
import java.util.Collection;

/** Decides which windows an element belongs to, and which trigger evaluates them by default. */
public abstract class WindowAssigner<T, W extends Window> implements Serializable {

  public abstract Collection<W> assignWindows(T element, long timestamp, Context context);

  public abstract Trigger<T, W> getDefaultTrigger();

  public abstract boolean isEventTime();

  /** What an assigner may ask while assigning. */
  public interface Context {
    long getCurrentProcessingTime();
  }
}
