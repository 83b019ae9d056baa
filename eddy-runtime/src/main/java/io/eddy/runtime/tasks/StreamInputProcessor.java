package io.eddy.runtime.tasks;

import io.eddy.api.connector.InputStatus;
import io.eddy.runtime.io.ControlEvent;
import io.eddy.runtime.io.InputGate;
import io.eddy.runtime.io.RecordBatch;
import io.eddy.runtime.io.TaskCancelledException;
import io.eddy.runtime.io.WatermarkValve;
import io.eddy.runtime.metrics.InternalOperatorMetricGroup;
import io.eddy.runtime.operators.OneInputOperator;
import io.eddy.runtime.operators.StreamOperator;
import io.eddy.runtime.operators.TwoInputOperator;
import io.eddy.runtime.time.ProcessingTimeService;
import java.util.concurrent.TimeUnit;

/**
 * The default action of a task fed by channels (Flink's StreamInputProcessor): each step fires
 * the due processing-time timers, takes one element of the input gate and hands it on: the
 * records of a batch to the head operator (input 1 or 2 by the channel's input index), watermarks
 * and idleness to the {@link WatermarkValve} of that input (which forwards the minimum over its
 * channels), barriers and channel ends to the {@link BarrierAligner}, and EndOfData to the gate.
 * Reports END_OF_INPUT once every channel's data ended; when the gate is empty it flushes the
 * outputs and lets the task wait until the next timer is due. Counts the head operator's
 * {@code numRecordsIn} per batch and notes its input watermarks.
 *
 * <p>Task thread only.
 */
final class StreamInputProcessor implements MailboxProcessor.DefaultAction {
  private final InputGate gate;
  private final StreamOperator head;
  private final OperatorChain chain;
  private final BarrierAligner aligner;
  private final ProcessingTimeService timeService;
  private final int[] channelInput;
  private final int[] channelSlot;
  private final WatermarkValve[] valves = new WatermarkValve[2];
  private final io.eddy.api.metrics.SimpleCounter headRecordsIn;

  @SuppressWarnings("unchecked")
  StreamInputProcessor(InputGate gate, OperatorChain chain, BarrierAligner aligner, ProcessingTimeService timeService) {
    this.gate = gate;
    this.head = chain.head();
    this.chain = chain;
    this.aligner = aligner;
    this.timeService = timeService;
    int channels = gate.channelCount();
    channelInput = new int[channels];
    channelSlot = new int[channels];
    int[] perInput = new int[2];
    for (int c = 0; c < channels; c++) {
      int input = gate.channel(c).inputIndex();
      channelInput[c] = input;
      channelSlot[c] = perInput[input]++;
    }
    InternalOperatorMetricGroup headMetrics = chain.headMetrics();
    this.headRecordsIn = headMetrics.numRecordsIn();
    if (head instanceof TwoInputOperator<?, ?> two) {
      TwoInputOperator<Object, Object> op = (TwoInputOperator<Object, Object>) two;
      valves[0] = new WatermarkValve(perInput[0], listener(w -> {
        headMetrics.inputWatermark(0, w);
        op.processWatermark1(w);
      }, op::processIdle1));
      valves[1] = new WatermarkValve(perInput[1], listener(w -> {
        headMetrics.inputWatermark(1, w);
        op.processWatermark2(w);
      }, op::processIdle2));
    } else if (head instanceof OneInputOperator<?> one) {
      OneInputOperator<Object> op = (OneInputOperator<Object>) one;
      valves[0] = new WatermarkValve(perInput[0], listener(w -> {
        headMetrics.inputWatermark(0, w);
        op.processWatermark(w);
      }, op::processIdle));
    }
  }

  @Override
  public InputStatus step() throws Exception {
    if (gate.isDataEnded()) {
      return InputStatus.END_OF_INPUT;
    }
    timeService.fireDue();
    Object element = gate.poll();
    if (element == null) {
      chain.flushAll();
      return InputStatus.NOTHING_AVAILABLE;
    }
    try {
      dispatch(element, gate.lastChannel());
    } catch (OperatorException | TaskCancelledException e) {
      throw e;
    } catch (Exception e) {
      throw new OperatorException(head.name(), e);
    }
    chain.flushIfDue();
    return InputStatus.MORE_AVAILABLE;
  }

  @Override
  public long idleWaitNanos() {
    long next = timeService.nextTime();
    long waitMillis = next == Long.MAX_VALUE ? 100 : Math.max(0, next - timeService.now());
    return TimeUnit.MILLISECONDS.toNanos(waitMillis);
  }

  /**
   * Handles what still arrives after the data ended (barriers from producers waiting for their
   * final checkpoint, and the channels' ends); false if there was nothing.
   */
  boolean pollControl() throws Exception {
    Object element = gate.poll();
    if (element == null) {
      return false;
    }
    dispatch(element, gate.lastChannel());
    return true;
  }

  @SuppressWarnings("unchecked")
  private void dispatch(Object element, int channel) throws Exception {
    int input = channelInput[channel];
    if (element instanceof RecordBatch batch) {
      headRecordsIn.inc(batch.size());
      if (head instanceof OneInputOperator<?> one) {
        OneInputOperator<Object> op = (OneInputOperator<Object>) one;
        for (int i = 0, n = batch.size(); i < n; i++) {
          op.processElement(batch.value(i), batch.timestamp(i));
        }
      } else {
        TwoInputOperator<Object, Object> op = (TwoInputOperator<Object, Object>) head;
        for (int i = 0, n = batch.size(); i < n; i++) {
          if (input == 0) {
            op.processElement1(batch.value(i), batch.timestamp(i));
          } else {
            op.processElement2(batch.value(i), batch.timestamp(i));
          }
        }
      }
    } else if (element instanceof ControlEvent.WatermarkEvent w) {
      valves[input].onWatermark(channelSlot[channel], w.watermark());
    } else if (element instanceof ControlEvent.IdleEvent idle) {
      valves[input].onIdle(channelSlot[channel], idle.idle());
    } else if (element instanceof ControlEvent.Barrier barrier) {
      aligner.onBarrier(channel, barrier.checkpointId());
    } else if (element instanceof ControlEvent.EndOfData) {
      gate.markDataEnded(channel);
    } else if (element instanceof ControlEvent.EndOfPartition) {
      aligner.onEndOfPartition(channel);
    }
  }

  private interface LongAction {
    void accept(long value) throws Exception;
  }

  private interface BoolAction {
    void accept(boolean value) throws Exception;
  }

  private static WatermarkValve.Listener listener(LongAction onWatermark, BoolAction onIdle) {
    return new WatermarkValve.Listener() {
      @Override public void onWatermark(long watermark) throws Exception { onWatermark.accept(watermark); }
      @Override public void onIdle(boolean idle) throws Exception { onIdle.accept(idle); }
    };
  }
}
