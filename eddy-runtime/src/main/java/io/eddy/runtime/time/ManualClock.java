package io.eddy.runtime.time;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to; thread-safe. Wakes waiting tasks when it advances. */
public final class ManualClock implements Clock {
  private final AtomicLong now;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  public ManualClock(long startMillis) {
    this.now = new AtomicLong(startMillis);
  }

  @Override
  public long currentTimeMillis() {
    return now.get();
  }

  public void setTime(long millis) {
    now.set(millis);
    listeners.forEach(Runnable::run);
  }

  public void advance(long millis) {
    setTime(now.get() + millis);
  }

  @Override
  public void addAdvanceListener(Runnable listener) {
    listeners.add(listener);
  }
}
