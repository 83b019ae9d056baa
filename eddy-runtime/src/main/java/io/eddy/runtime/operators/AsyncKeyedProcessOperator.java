package io.eddy.runtime.operators;

import io.eddy.api.config.Configuration;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.RuntimeContext;
import io.eddy.api.functions.TaskInfo;
import io.eddy.api.state.AggregatingState;
import io.eddy.api.state.AggregatingStateDescriptor;
import io.eddy.api.state.KeyedStateStore;
import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ReducingState;
import io.eddy.api.state.ReducingStateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.state.v2.StateCallbackException;
import io.eddy.api.time.TimeDomain;
import io.eddy.api.time.TimerService;
import io.eddy.runtime.asyncprocessing.AsyncExecutionController;
import io.eddy.runtime.asyncprocessing.AsyncStateSettings;
import io.eddy.runtime.asyncprocessing.MailboxExecutor;
import io.eddy.runtime.state.v2.AsyncKeyedStateStore;
import io.eddy.runtime.state.v2.StateApiUsage;
import io.eddy.state.VoidNamespace;
import io.eddy.state.timers.Timer;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link KeyedProcessFunction} of a keyed stream with {@code enableAsyncState()} through an
 * {@link AsyncExecutionController}: each record and each timer is processed in its key's context
 * once no earlier work of that key is in flight; its V2 state accesses are batched to the
 * backend's state executor; callbacks run on the task thread with the record's key, timestamp
 * and (for timers) time domain restored. Watermarks fire timers and are forwarded only after
 * every record before them finished (an epoch); a checkpoint and the end of input drain all work
 * first, so snapshots hold no request in flight.
 *
 * <p>Completed state I/O comes back as mail of the operator's {@link MailboxExecutor} (its
 * context's): the task runs it between input steps, also while it has no input; the operator
 * runs what arrived after each input, and waits on its own mail when it must drain or when the
 * in-flight limit is reached. Settings are the defaults of {@code
 * execution.async-state.*} (the job configuration does not reach operators yet).
 */
final class AsyncKeyedProcessOperator<K, IN, OUT> extends AbstractOneInputOperator<IN, OUT> {
  private final KeyedProcessFunction<K, IN, OUT> function;
  private final KeyedFunctionScope<OUT> scope;
  private final MailboxExecutor mailbox;
  private final StateApiUsage usage;
  private final AsyncExecutionController<Object> controller;
  private InternalTimerService<Object, VoidNamespace> timers;
  private KeyedProcessFunction<K, IN, OUT>.Context elementContext;
  private KeyedProcessFunction<K, IN, OUT>.OnTimerContext onTimerContext;

  AsyncKeyedProcessOperator(OperatorContext context, Output<OUT> output, KeySelector<IN, ?> keySelector,
      KeyedProcessFunction<K, IN, OUT> function) {
    super(context, output, keySelector);
    this.function = function;
    this.usage = new StateApiUsage(context.name());
    this.mailbox = context.mailbox();
    this.scope = new KeyedFunctionScope<>(output, keyedBackend,
        time -> function.onTimer(time, onTimerContext, scope().collector));
    this.controller = new AsyncExecutionController<>(context.name(), mailbox,
        keyedBackend.createStateExecutor(io -> mailbox.execute(io, "state I/O")), keyedBackend::setCurrentKey,
        AsyncStateSettings.from(new Configuration()));
  }

  private KeyedFunctionScope<OUT> scope() {
    return scope;
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void open() throws Exception {
    timers = timerService("user-timers", VoidNamespace.SERIALIZER, new Triggerable<>() {
      @Override
      public void onEventTime(Timer<Object, VoidNamespace> timer) {
        controller.processRecord(timer.key(), () -> scope.enterFiring(timer.timestamp(), TimeDomain.EVENT_TIME),
            () -> unchecked(() -> scope.onEventTime(timer)));
      }

      @Override
      public void onProcessingTime(Timer<Object, VoidNamespace> timer) {
        controller.processRecord(timer.key(), () -> scope.enterFiring(Output.NO_TIMESTAMP, TimeDomain.PROCESSING_TIME),
            () -> unchecked(() -> scope.onProcessingTime(timer)));
        runArrivedMail();
      }
    });
    scope.setTimerService(timers);
    elementContext = function.new Context() {
      @Override public Long timestamp() { return scope.timestamp(); }
      @Override public TimerService timerService() { return scope.timerService(); }
      @Override public <X> void output(OutputTag<X> tag, X value) { scope.output(tag, value); }
      @Override public K getCurrentKey() { return scope.currentKey(); }
    };
    onTimerContext = function.new OnTimerContext() {
      @Override public TimeDomain timeDomain() { return scope.firingDomain(); }
      @Override public Long timestamp() { return scope.timestamp(); }
      @Override public TimerService timerService() { return scope.timerService(); }
      @Override public <X> void output(OutputTag<X> tag, X value) { scope.output(tag, value); }
      @Override public K getCurrentKey() { return scope.currentKey(); }
    };
    super.open();
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    Object key = keySelector.getKey(value);
    controller.processRecord(key, () -> scope.startRecord(timestamp),
        () -> unchecked(() -> function.processElement(value, elementContext, scope.collector)));
    runArrivedMail();
  }

  @Override
  public void processWatermark(long watermark) {
    controller.processNonRecord(() -> unchecked(() -> timers.advanceWatermark(watermark)), () -> {
      currentWatermark = watermark;
      output.emitWatermark(watermark);
    });
  }

  @Override
  public Map<String, List<Object>> snapshotOperatorState(long checkpointId) throws Exception {
    controller.drainInflightRecords();
    return super.snapshotOperatorState(checkpointId);
  }

  @Override
  public void finish() throws Exception {
    controller.drainInflightRecords();
    super.finish();
  }

  @Override
  public void close() throws Exception {
    try {
      controller.close();
    } finally {
      super.close();
    }
  }

  /** Delivers the state results that came back, without waiting for more. */
  private void runArrivedMail() {
    while (mailbox.tryYield()) {
      // each call runs one of this operator's mails
    }
  }

  /**
   * V2 state through the controller, and synchronous state as on every operator, refusing a mix
   * of both (naming the operator and a state of each).
   */
  @Override
  protected RuntimeContext runtimeContext() {
    TaskInfo info = context.taskInfo();
    KeyedStateStore sync = keyedStateStore();
    AsyncKeyedStateStore<VoidNamespace> async = new AsyncKeyedStateStore<>(keyedBackend, VoidNamespace.SERIALIZER,
        () -> VoidNamespace.INSTANCE, context.processingTimeService()::now, controller, usage);
    return new RuntimeContext() {
      @Override public TaskInfo getTaskInfo() { return info; }
      @Override public io.eddy.api.metrics.OperatorMetricGroup getMetricGroup() { return context.metricGroup(); }
      @Override public Map<String, String> getGlobalJobParameters() { return context.globalJobParameters(); }
      @Override public <T> ValueState<T> getState(ValueStateDescriptor<T> d) {
        usage.useSync(d.getName());
        return sync.getState(d);
      }
      @Override public <T> ListState<T> getListState(ListStateDescriptor<T> d) {
        usage.useSync(d.getName());
        return sync.getListState(d);
      }
      @Override public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> d) {
        usage.useSync(d.getName());
        return sync.getMapState(d);
      }
      @Override public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> d) {
        usage.useSync(d.getName());
        return sync.getReducingState(d);
      }
      @Override public <I, A, O> AggregatingState<I, O> getAggregatingState(AggregatingStateDescriptor<I, A, O> d) {
        usage.useSync(d.getName());
        return sync.getAggregatingState(d);
      }
      @Override public <T> io.eddy.api.state.v2.ValueState<T> getState(io.eddy.api.state.v2.ValueStateDescriptor<T> d) {
        return async.getState(d);
      }
      @Override public <T> io.eddy.api.state.v2.ListState<T> getListState(
          io.eddy.api.state.v2.ListStateDescriptor<T> d) {
        return async.getListState(d);
      }
      @Override public <UK, UV> io.eddy.api.state.v2.MapState<UK, UV> getMapState(
          io.eddy.api.state.v2.MapStateDescriptor<UK, UV> d) {
        return async.getMapState(d);
      }
      @Override public <T> io.eddy.api.state.v2.ReducingState<T> getReducingState(
          io.eddy.api.state.v2.ReducingStateDescriptor<T> d) {
        return async.getReducingState(d);
      }
      @Override public <I, A, O> io.eddy.api.state.v2.AggregatingState<I, O> getAggregatingState(
          io.eddy.api.state.v2.AggregatingStateDescriptor<I, A, O> d) {
        return async.getAggregatingState(d);
      }
    };
  }

  /** Work of the user function, run where the controller needs a Runnable. */
  @FunctionalInterface
  private interface Work {
    void run() throws Exception;
  }

  private static void unchecked(Work work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new StateCallbackException(e);
    }
  }
}
