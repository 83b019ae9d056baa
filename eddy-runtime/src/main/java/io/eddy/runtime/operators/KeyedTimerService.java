package io.eddy.runtime.operators;

import io.eddy.api.time.TimerService;
import io.eddy.state.VoidNamespace;

/** The user-facing timer service of keyed functions: timers of the current key, void namespace. */
final class KeyedTimerService implements TimerService {
  private final InternalTimerService<Object, VoidNamespace> timers;

  KeyedTimerService(InternalTimerService<Object, VoidNamespace> timers) {
    this.timers = timers;
  }

  @Override
  public long currentProcessingTime() {
    return timers.currentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return timers.currentWatermark();
  }

  @Override
  public void registerEventTimeTimer(long time) {
    timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
  }

  @Override
  public void registerProcessingTimeTimer(long time) {
    timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, time);
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    timers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, time);
  }
}
