package io.eddy.api.metrics;

/**
 * A {@link Counter} over a plain {@code long}: as cheap as a field increment, for the thread that
 * owns it (a task). Other threads (reporters) read it without synchronization and may see a
 * slightly older value, as in Flink.
 */
public class SimpleCounter implements Counter {
  private long count;

  @Override
  public void inc() {
    count++;
  }

  @Override
  public void inc(long n) {
    count += n;
  }

  @Override
  public void dec() {
    count--;
  }

  @Override
  public void dec(long n) {
    count -= n;
  }

  @Override
  public long getCount() {
    return count;
  }
}
