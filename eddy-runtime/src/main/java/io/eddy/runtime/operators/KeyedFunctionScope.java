package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.time.TimeDomain;
import io.eddy.api.time.TimerService;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.VoidNamespace;
import io.eddy.state.timers.Timer;

/**
 * What the contexts of a keyed process function see, shared by the one- and two-input keyed
 * process operators: the timestamp of the record or timer being processed, the collector that
 * stamps outputs with it, the current key, the key's timers, and the domain of a firing timer; in
 * the asynchronous model, also what a record or timer prefetches (the function's synchronous
 * state) and how a timer's context is restored for its callbacks. Owned by one operator, on its
 * task thread.
 */
final class KeyedFunctionScope<OUT> implements Triggerable<Object, VoidNamespace>, AsyncStateSupport.TimerHooks {
  /** Calls the user function's onTimer. */
  @FunctionalInterface
  interface TimerTarget {
    void onTimer(long time) throws Exception;
  }

  final TimestampedCollector<OUT> collector;
  private final Output<OUT> output;
  private final KeyedStateBackend<Object> backend;
  private final AsyncStateSupport async;
  private final TimerTarget target;
  private TimerService timerService;
  private long currentTimestamp;
  private TimeDomain firingDomain;

  /** {@code async}: the operator's asynchronous model, or null when it runs synchronously. */
  KeyedFunctionScope(Output<OUT> output, KeyedStateBackend<Object> backend, AsyncStateSupport async,
      TimerTarget target) {
    this.output = output;
    this.collector = new TimestampedCollector<>(output);
    this.backend = backend;
    this.async = async;
    this.target = target;
  }

  void setTimerService(InternalTimerService<Object, VoidNamespace> timers) {
    this.timerService = new KeyedTimerService(timers);
  }

  /** Before a record is handed to the function. */
  void startRecord(long timestamp) {
    currentTimestamp = timestamp;
    collector.setTimestamp(timestamp);
  }

  Long timestamp() {
    return currentTimestamp == Output.NO_TIMESTAMP ? null : currentTimestamp;
  }

  TimerService timerService() {
    return timerService;
  }

  <X> void output(OutputTag<X> tag, X value) {
    output.collect(tag, value, currentTimestamp);
  }

  @SuppressWarnings("unchecked")
  <K> K currentKey() {
    return (K) backend.getCurrentKey();
  }

  TimeDomain firingDomain() {
    return firingDomain;
  }

  @Override
  public void onEventTime(Timer<Object, VoidNamespace> timer) throws Exception {
    fire(timer.timestamp(), timer.timestamp(), TimeDomain.EVENT_TIME);
  }

  /** Processing-time timers' outputs carry no timestamp, as in Flink. */
  @Override
  public void onProcessingTime(Timer<Object, VoidNamespace> timer) throws Exception {
    fire(timer.timestamp(), Output.NO_TIMESTAMP, TimeDomain.PROCESSING_TIME);
  }

  private void fire(long time, long outputTimestamp, TimeDomain domain) throws Exception {
    enterFiring(outputTimestamp, domain);
    target.onTimer(time);
  }

  /** Makes a timer firing current (again: in the async model its callbacks run later). */
  void enterFiring(long outputTimestamp, TimeDomain domain) {
    startRecord(outputTimestamp);
    firingDomain = domain;
  }

  /** Asynchronous model: a record's prefetch, the function's synchronous state. */
  void prefetchFunctionState() {
    async.prefetchFunctionState();
  }

  @Override
  public void prefetchTimer(Timer<Object, ?> timer) {
    async.prefetchFunctionState();
  }

  @Override
  public Runnable timerContext(Timer<Object, ?> timer, boolean eventTime) {
    return eventTime ? () -> enterFiring(timer.timestamp(), TimeDomain.EVENT_TIME)
        : () -> enterFiring(Output.NO_TIMESTAMP, TimeDomain.PROCESSING_TIME);
  }
}
