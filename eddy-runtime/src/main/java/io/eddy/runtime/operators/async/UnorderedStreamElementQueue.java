package io.eddy.runtime.operators.async;

import io.eddy.runtime.operators.Output;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Emits records as they complete, but never across a watermark: the queue is a sequence of
 * segments, each either the records between two watermarks or one watermark. Only the first
 * segment emits; a watermark goes out once every record before it did, and records after it wait
 * until then (Flink's unordered queue).
 */
final class UnorderedStreamElementQueue<OUT> implements StreamElementQueue<OUT> {
  /** Records between two watermarks (pending and done), or a single watermark in {@code done}. */
  private static final class Segment<OUT> {
    final boolean watermark;
    final Set<RecordQueueEntry<?, OUT>> pending = new LinkedHashSet<>();
    final ArrayDeque<StreamElementQueueEntry<OUT>> done = new ArrayDeque<>();

    Segment(boolean watermark) {
      this.watermark = watermark;
    }

    boolean isEmpty() {
      return pending.isEmpty() && done.isEmpty();
    }
  }

  private final int capacity;
  private final ArrayDeque<Segment<OUT>> segments = new ArrayDeque<>();
  private final Map<RecordQueueEntry<?, OUT>, Segment<OUT>> segmentOf = new IdentityHashMap<>();
  private int size;

  UnorderedStreamElementQueue(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public boolean hasCapacity() {
    return size < capacity;
  }

  @Override
  public void add(StreamElementQueueEntry<OUT> entry) {
    size++;
    switch (entry) {
      case WatermarkQueueEntry<OUT> w -> {
        Segment<OUT> segment = new Segment<>(true);
        segment.done.add(w);
        segments.addLast(segment);
      }
      case RecordQueueEntry<?, OUT> r -> {
        Segment<OUT> last = segments.peekLast();
        if (last == null || last.watermark) {
          last = new Segment<>(false);
          segments.addLast(last);
        }
        last.pending.add(r);
        segmentOf.put(r, last);
      }
    }
  }

  @Override
  public void onCompleted(RecordQueueEntry<?, OUT> entry) {
    Segment<OUT> segment = segmentOf.remove(entry);
    if (segment != null && segment.pending.remove(entry)) {
      segment.done.add(entry);
    }
  }

  @Override
  public int emitCompleted(Output<OUT> output) {
    int emitted = 0;
    Segment<OUT> first;
    while ((first = segments.peekFirst()) != null) {
      StreamElementQueueEntry<OUT> entry;
      while ((entry = first.done.pollFirst()) != null) {
        entry.emitResult(output);
        size--;
        emitted++;
      }
      if (!first.isEmpty()) {
        break;
      }
      segments.pollFirst();
    }
    return emitted;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public List<StoredElement> stored() {
    List<StoredElement> stored = new ArrayList<>(size);
    for (Segment<OUT> segment : segments) {
      for (StreamElementQueueEntry<OUT> entry : segment.done) {
        stored.add(entry.stored());
      }
      for (RecordQueueEntry<?, OUT> entry : segment.pending) {
        stored.add(entry.stored());
      }
    }
    return stored;
  }
}
