package io.eddy.runtime;

import io.eddy.api.connector.Boundedness;
import io.eddy.api.connector.InputStatus;
import io.eddy.api.connector.ReaderOutput;
import io.eddy.api.connector.Source;
import io.eddy.api.connector.SourceReader;
import io.eddy.api.connector.SourceReaderContext;
import java.io.Serializable;
import java.util.PriorityQueue;
import java.util.List;

/**
 * A deterministic parallel test source: event i (of n) has key i % keys, value i and timestamp
 * i * 10 + (i * 7919 % 50), so timestamps are out of order by less than 50 ms. Subtask s reads
 * the events i with i % parallelism == s. Checkpoints its cursors, so it resumes exactly; a
 * subtask given several cursors by a rescale reads the one furthest behind first, so that its
 * events stay in event-time order (within the 50 ms disorder) and none becomes late.
 */
public record TestEventSource(long count, int keys) implements Source<TestEventSource.Event> {

  public record Event(int key, long value, long timestamp) {}

  /** The next index to read and the step between indexes. */
  public record Cursor(long next, long stride) implements Serializable {}

  static Event event(long i, int keys) {
    return new Event((int) (i % keys), i, i * 10 + (i * 7919 % 50));
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SourceReader<Event> createReader(SourceReaderContext context) {
    PriorityQueue<Cursor> cursors = new PriorityQueue<>(java.util.Comparator.comparingLong(Cursor::next));
    if (context.isRestored()) {
      context.restoredState().forEach(c -> cursors.add((Cursor) c));
    } else {
      cursors.add(new Cursor(context.subtaskIndex(), context.parallelism()));
    }
    return new SourceReader<>() {
      @Override
      public InputStatus pollNext(ReaderOutput<Event> output) {
        for (int i = 0; i < 16 && !cursors.isEmpty(); i++) {
          Cursor c = cursors.peek();
          if (c.next() >= count) {
            cursors.poll();
            continue;
          }
          Event e = event(c.next(), keys);
          output.collect(e, e.timestamp());
          cursors.poll();
          cursors.add(new Cursor(c.next() + c.stride(), c.stride()));
        }
        return cursors.isEmpty() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
      }

      @Override
      public List<Cursor> snapshotState(long checkpointId) {
        return List.copyOf(cursors);
      }
    };
  }
}
