package io.eddy.runtime.operators;

import io.eddy.state.timers.Timer;

/** Receives the timers of an {@link InternalTimerService}; the backend's current key is the timer's key. */
public interface Triggerable<K, N> {
  void onEventTime(Timer<K, N> timer) throws Exception;

  void onProcessingTime(Timer<K, N> timer) throws Exception;
}
