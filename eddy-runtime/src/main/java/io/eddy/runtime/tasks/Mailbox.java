package io.eddy.runtime.tasks;

import io.eddy.runtime.io.InputGate;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The task's mailbox (Flink's TaskMailbox): work that other threads, and the task itself, hand
 * to the task thread, where it runs one mail at a time between input steps, so operator code needs
 * no locks. FIFO within each of two classes: control mail (checkpoint triggers, completion
 * notifications, injected failures) runs before ordinary mail (what operators hand over through
 * their {@link OperatorMailbox}: state and async I/O completions), so a checkpoint is not held up
 * behind a queue of completions.
 *
 * <p>Thread safety: {@link #putControl}, {@link #put} from any thread; everything else on the
 * task thread. Putting a mail wakes the task if it waits on its input gate.
 */
final class Mailbox {
  /** Work for the task thread; what it throws fails the task. */
  @FunctionalInterface
  interface Mail {
    void run() throws Exception;
  }

  private final ConcurrentLinkedQueue<Mail> control = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Mail> ordinary = new ConcurrentLinkedQueue<>();
  private final InputGate gate;

  Mailbox(InputGate gate) {
    this.gate = gate;
  }

  /** Adds a control mail (ahead of ordinary mail). */
  void putControl(Mail mail) {
    control.add(mail);
    gate.notifyAvailable();
  }

  /** Adds an ordinary mail. */
  void put(Mail mail) {
    ordinary.add(mail);
    gate.notifyAvailable();
  }

  boolean isEmpty() {
    return control.isEmpty() && ordinary.isEmpty();
  }

  private Mail poll() {
    Mail mail = control.poll();
    return mail != null ? mail : ordinary.poll();
  }

  /** Runs every mail there is, and the mail those add, until none is left. Task thread only. */
  void runAll() throws Exception {
    Mail mail;
    while ((mail = poll()) != null) {
      mail.run();
    }
  }
}
