package io.eddy.api.metrics;

/** Events per second, averaged over a recent span, and how many events there were in all. */
public interface Meter extends Metric {
  void markEvent();

  void markEvent(long n);

  /** Events per second. */
  double getRate();

  long getCount();
}
