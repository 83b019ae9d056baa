package io.eddy.runtime.operators;

import io.eddy.runtime.time.ProcessingTimeService;

/**
 * Decides when a watermark generator's periodic watermark is due: every {@code intervalMillis}
 * of processing time, checked every few records so that the clock is not read per record, and
 * at least every {@link #MAX_RECORDS} records.
 */
final class PeriodicEmission {
  static final int MAX_RECORDS = 1024;
  private static final int CLOCK_CHECK_EVERY = 64;

  private final ProcessingTimeService time;
  private final long intervalMillis;
  private long lastEmitTime;
  private int recordsSinceEmit;

  PeriodicEmission(ProcessingTimeService time, long intervalMillis) {
    this.time = time;
    this.intervalMillis = intervalMillis;
    this.lastEmitTime = time.now();
  }

  /** Counts one record; true if a periodic watermark is due now. */
  boolean onRecord() {
    recordsSinceEmit++;
    if (recordsSinceEmit >= MAX_RECORDS) {
      return due();
    }
    return (recordsSinceEmit & (CLOCK_CHECK_EVERY - 1)) == 0 && time.now() - lastEmitTime >= intervalMillis && due();
  }

  /** True if a periodic watermark is due when there are no records (idle source). */
  boolean onIdle() {
    return time.now() - lastEmitTime >= intervalMillis && due();
  }

  private boolean due() {
    recordsSinceEmit = 0;
    lastEmitTime = time.now();
    return true;
  }
}
