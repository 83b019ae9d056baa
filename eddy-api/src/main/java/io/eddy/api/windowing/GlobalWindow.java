package io.eddy.api.windowing;

import java.io.Serializable;

/** The one window of {@link GlobalWindows}: it holds every element of a key and never ends by time. */
public final class GlobalWindow extends Window implements Serializable {
  private static final GlobalWindow INSTANCE = new GlobalWindow();

  private GlobalWindow() {}

  public static GlobalWindow get() {
    return INSTANCE;
  }

  @Override
  public long maxTimestamp() {
    return Long.MAX_VALUE;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GlobalWindow;
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "GlobalWindow";
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
