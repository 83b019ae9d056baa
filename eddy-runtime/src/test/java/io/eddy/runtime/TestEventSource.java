package io.eddy.runtime;

import io.eddy.api.connector.Boundedness;
import io.eddy.api.connector.InputStatus;
import io.eddy.api.connector.ReaderOutput;
import io.eddy.api.connector.Source;
import io.eddy.api.connector.SourceReader;
import io.eddy.api.connector.SourceReaderContext;

/**
 * A deterministic parallel test source: event i (of n) has key i % keys, value i and timestamp
 * i * 10 + (i * 7919 % 50), so timestamps are out of order by less than 50 ms. Subtask s reads
 * the events i with i % parallelism == s.
 */
record TestEventSource(long count, int keys) implements Source<TestEventSource.Event> {

  record Event(int key, long value, long timestamp) {}

  static Event event(long i, int keys) {
    return new Event((int) (i % keys), i, i * 10 + (i * 7919 % 50));
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SourceReader<Event> createReader(SourceReaderContext context) {
    return new SourceReader<>() {
      private long next = context.subtaskIndex();

      @Override
      public InputStatus pollNext(ReaderOutput<Event> output) {
        for (int i = 0; i < 16 && next < count; i++, next += context.parallelism()) {
          Event e = event(next, keys);
          output.collect(e, e.timestamp());
        }
        return next < count ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
      }
    };
  }
}
