package io.eddy.runtime.tasks;

import io.eddy.api.connector.InputStatus;
import io.eddy.runtime.io.TaskCancelledException;
import io.eddy.runtime.operators.SourceOperator;
import io.eddy.runtime.time.ProcessingTimeService;
import java.util.concurrent.TimeUnit;

/**
 * The default action of a source task: each step asks the {@link SourceOperator} for the next
 * few records. Every 128 steps, and whenever the reader has nothing, it fires the due timers and
 * flushes the outputs (after the buffer timeout, or at once when idle). After a
 * stop-with-savepoint barrier ({@link #suspend}) it reads nothing more and only lets the task
 * wait for mail until it is cancelled.
 *
 * <p>Task thread only.
 */
final class SourceInputProcessor implements MailboxProcessor.DefaultAction {
  private final SourceOperator<?> source;
  private final OperatorChain chain;
  private final ProcessingTimeService timeService;
  private boolean suspended;
  private int iteration;

  SourceInputProcessor(SourceOperator<?> source, OperatorChain chain, ProcessingTimeService timeService) {
    this.source = source;
    this.chain = chain;
    this.timeService = timeService;
  }

  /** Emits nothing from now on (the sources of a stop-with-savepoint). */
  void suspend() {
    chain.flushAll();
    suspended = true;
  }

  @Override
  public InputStatus step() throws Exception {
    if (suspended) {
      return InputStatus.NOTHING_AVAILABLE;
    }
    if ((++iteration & 127) == 0) {
      timeService.fireDue();
      chain.flushIfDue();
    }
    InputStatus status;
    try {
      status = source.emitNext();
    } catch (OperatorException | TaskCancelledException e) {
      throw e;
    } catch (Exception e) {
      throw new OperatorException(source.name(), e);
    }
    if (status == InputStatus.NOTHING_AVAILABLE) {
      chain.flushAll();
      timeService.fireDue();
    }
    return status;
  }

  @Override
  public long idleWaitNanos() {
    return TimeUnit.MILLISECONDS.toNanos(suspended ? 10 : 1);
  }
}
