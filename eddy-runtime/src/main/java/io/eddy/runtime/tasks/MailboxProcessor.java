package io.eddy.runtime.tasks;

import io.eddy.api.connector.InputStatus;
import io.eddy.runtime.io.InputGate;
import io.eddy.runtime.io.TaskCancelledException;
import java.util.function.BooleanSupplier;

/**
 * The task thread's loop (Flink's MailboxProcessor): runs the mail there is, then one step of the
 * default action (the input: one element of the input gate, or one poll of a source), and again,
 * until the action reports the end. When a step found nothing, the processor parks on the input
 * gate for at most what the action allows (its next timer); a record, a mail or the clock wakes it.
 *
 * <p>Everything the task does happens inside {@link #run}, on one thread: records, watermarks,
 * timers (fired by the input steps), barriers, checkpoint triggers and notifications, and the
 * completions other threads hand over as mail. Cancellation (the job's flag or an interrupt) is
 * checked before every step.
 */
final class MailboxProcessor {
  /** One step of input; NOTHING_AVAILABLE lets the processor wait, END_OF_INPUT ends {@link #run}. */
  interface DefaultAction {
    InputStatus step() throws Exception;

    /** How long the processor may wait after a step that found nothing. */
    long idleWaitNanos();
  }

  private final Mailbox mailbox;
  private final InputGate gate;
  private final BooleanSupplier cancelled;

  MailboxProcessor(Mailbox mailbox, InputGate gate, BooleanSupplier cancelled) {
    this.mailbox = mailbox;
    this.gate = gate;
    this.cancelled = cancelled;
  }

  /** Runs mail and {@code action} until the action reports END_OF_INPUT. */
  void run(DefaultAction action) throws Exception {
    while (true) {
      if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
        throw new TaskCancelledException();
      }
      if (!mailbox.isEmpty()) {
        mailbox.runAll();
      }
      InputStatus status = action.step();
      if (status == InputStatus.END_OF_INPUT) {
        return;
      }
      if (status == InputStatus.NOTHING_AVAILABLE) {
        gate.await(action.idleWaitNanos());
      }
    }
  }
}
