package io.eddy.api.windowing;

/** A group of elements evaluated together; {@link #maxTimestamp()} is the last time it covers. */
public abstract class Window {
  public abstract long maxTimestamp();
}
