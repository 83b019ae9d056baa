package io.eddy.runtime.time;

/** The processing-time clock of a job; tests replace it with a {@link ManualClock}. */
public interface Clock {
  long currentTimeMillis();

  /** Calls {@code listener} whenever time jumps (manual clocks), so waiting tasks re-check their timers. */
  default void addAdvanceListener(Runnable listener) {}

  /** The wall clock. */
  Clock SYSTEM = System::currentTimeMillis;
}
