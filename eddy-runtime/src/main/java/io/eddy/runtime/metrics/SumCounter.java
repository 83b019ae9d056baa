package io.eddy.runtime.metrics;

import io.eddy.api.metrics.Counter;
import io.eddy.api.metrics.SimpleCounter;
import java.util.List;

/** A counter that reads as the sum of others (a task's records out: those of its chain's last operators). */
final class SumCounter extends SimpleCounter {
  private final List<Counter> parts;

  SumCounter(List<Counter> parts) {
    this.parts = List.copyOf(parts);
  }

  @Override
  public long getCount() {
    long sum = super.getCount();
    for (Counter c : parts) {
      sum += c.getCount();
    }
    return sum;
  }
}
