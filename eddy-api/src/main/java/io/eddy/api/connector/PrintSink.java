package io.eddy.api.connector;

import java.io.PrintStream;

/**
 * Prints each record's {@code toString()} to standard out (or err), prefixed with the subtask
 * number when parallel, as Flink does. At-least-once: after a recovery, records may print twice.
 */
public final class PrintSink<T> implements Sink<T> {
  private final boolean stdErr;

  public PrintSink() {
    this(false);
  }

  public PrintSink(boolean stdErr) {
    this.stdErr = stdErr;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    PrintStream stream = stdErr ? System.err : System.out;
    String prefix = context.parallelism() > 1 ? (context.subtaskIndex() + 1) + "> " : "";
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context ctx) {
        stream.println(prefix + element);
      }

      @Override
      public void flush(boolean endOfInput) {
        stream.flush();
      }
    };
  }
}
