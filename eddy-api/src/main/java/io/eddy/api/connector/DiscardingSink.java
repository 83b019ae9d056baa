package io.eddy.api.connector;

/** Drops every record; for benchmarks and jobs run for their side effects. */
public final class DiscardingSink<T> implements Sink<T> {
  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context ctx) {}

      @Override
      public void flush(boolean endOfInput) {}
    };
  }
}
