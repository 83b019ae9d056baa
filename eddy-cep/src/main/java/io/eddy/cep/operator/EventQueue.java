package io.eddy.cep.operator;

import io.eddy.api.state.KeyedStateStore;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.types.TypeSerializers;
import io.eddy.cep.EventComparator;
import java.util.ArrayList;
import java.util.List;

/**
 * The current key's events that wait for the watermark (or, with a comparator in processing
 * time, for the next millisecond), grouped by timestamp in a map state so they survive
 * failures. Drained in timestamp order; events of one timestamp by the comparator, then in
 * arrival order.
 */
final class EventQueue<IN> {
  /** Receives the events of one timestamp. */
  @FunctionalInterface
  interface Batch<IN> {
    void accept(long timestamp, List<IN> events) throws Exception;
  }

  private final MapState<Long, List<IN>> queue;
  private final EventComparator<IN> comparator;

  EventQueue(KeyedStateStore store, String name, EventComparator<IN> comparator) {
    this.queue = store.getMapState(new MapStateDescriptor<>(name, TypeSerializers.of(Long.class), TypeSerializers.generic()));
    this.comparator = comparator;
  }

  /** Adds an event; true when it is the first at its timestamp (the caller then registers a timer). */
  boolean add(IN event, long timestamp) throws Exception {
    List<IN> events = queue.get(timestamp);
    boolean first = events == null;
    if (first) {
      events = new ArrayList<>();
    }
    events.add(event);
    queue.put(timestamp, events);
    return first;
  }

  /** Hands over and removes the events with timestamps up to {@code upTo}, in order. */
  void drain(long upTo, Batch<IN> batch) throws Exception {
    List<Long> timestamps = new ArrayList<>();
    for (Long t : queue.keys()) {
      if (t <= upTo) {
        timestamps.add(t);
      }
    }
    timestamps.sort(null);
    for (long t : timestamps) {
      List<IN> events = new ArrayList<>(queue.get(t));
      if (comparator != null) {
        events.sort(comparator);
      }
      batch.accept(t, events);
      queue.remove(t);
    }
  }

  boolean isEmpty() throws Exception {
    return queue.isEmpty();
  }

  void clear() {
    queue.clear();
  }
}
