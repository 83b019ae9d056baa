package io.eddy.api.metrics;

/**
 * A {@link Meter} over a {@link Counter}: every {@link View#UPDATE_INTERVAL_SECONDS} seconds it
 * remembers the count, and its rate is the growth over the last {@code timeSpanInSeconds}
 * (rounded down to a multiple of the update interval, at least one interval; default 60). The
 * rate is 0 until the runtime first updates it. Marking events goes to the counter, so
 * {@code new MeterView(counter)} turns an existing counter into a rate at no cost per event.
 */
public class MeterView implements Meter, View {
  private static final int DEFAULT_TIME_SPAN_IN_SECONDS = 60;

  private final Counter counter;
  private final int timeSpanInSeconds;
  private final long[] values;
  private int time;
  private volatile double currentRate;

  public MeterView(int timeSpanInSeconds) {
    this(new SimpleCounter(), timeSpanInSeconds);
  }

  public MeterView(Counter counter) {
    this(counter, DEFAULT_TIME_SPAN_IN_SECONDS);
  }

  public MeterView(Counter counter, int timeSpanInSeconds) {
    this.counter = counter;
    this.timeSpanInSeconds = Math.max(timeSpanInSeconds - (timeSpanInSeconds % UPDATE_INTERVAL_SECONDS),
        UPDATE_INTERVAL_SECONDS);
    this.values = new long[this.timeSpanInSeconds / UPDATE_INTERVAL_SECONDS + 1];
  }

  @Override
  public void markEvent() {
    counter.inc();
  }

  @Override
  public void markEvent(long n) {
    counter.inc(n);
  }

  @Override
  public long getCount() {
    return counter.getCount();
  }

  @Override
  public double getRate() {
    return currentRate;
  }

  @Override
  public synchronized void update() {
    time = (time + 1) % values.length;
    values[time] = counter.getCount();
    currentRate = (double) (values[time] - values[(time + 1) % values.length]) / timeSpanInSeconds;
  }
}
