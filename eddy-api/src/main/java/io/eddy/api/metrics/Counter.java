package io.eddy.api.metrics;

/** A count that goes up (and down). Implementations need not be thread-safe: one task updates it. */
public interface Counter extends Metric {
  void inc();

  void inc(long n);

  void dec();

  void dec(long n);

  long getCount();
}
