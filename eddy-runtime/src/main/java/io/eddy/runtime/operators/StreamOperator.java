package io.eddy.runtime.operators;

/**
 * An operator of a task's chain. Lifecycle: {@code open} before the first element, then
 * elements and watermarks, {@code finish} at the end of input (emit what is left), {@code close}
 * always (also after a failure). Everything runs on the task thread.
 */
public interface StreamOperator {
  void open() throws Exception;

  /** Emits buffered results; called once all input has been processed. */
  default void finish() throws Exception {}

  void close() throws Exception;

  /** The operator's name, as shown in errors and metrics. */
  String name();
}
