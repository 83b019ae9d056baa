package io.eddy.runtime.operators.async;

import io.eddy.runtime.operators.Output;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Emits in input order: the head goes out once it is done, whatever completed after it waits. */
final class OrderedStreamElementQueue<OUT> implements StreamElementQueue<OUT> {
  private final int capacity;
  private final ArrayDeque<StreamElementQueueEntry<OUT>> entries = new ArrayDeque<>();

  OrderedStreamElementQueue(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public boolean hasCapacity() {
    return entries.size() < capacity;
  }

  @Override
  public void add(StreamElementQueueEntry<OUT> entry) {
    entries.addLast(entry);
  }

  @Override
  public void onCompleted(RecordQueueEntry<?, OUT> entry) {}

  @Override
  public int emitCompleted(Output<OUT> output) {
    int emitted = 0;
    while (!entries.isEmpty() && entries.peekFirst().isDone()) {
      entries.pollFirst().emitResult(output);
      emitted++;
    }
    return emitted;
  }

  @Override
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public int size() {
    return entries.size();
  }

  @Override
  public List<StoredElement> stored() {
    List<StoredElement> stored = new ArrayList<>(entries.size());
    for (StreamElementQueueEntry<OUT> entry : entries) {
      stored.add(entry.stored());
    }
    return stored;
  }
}
