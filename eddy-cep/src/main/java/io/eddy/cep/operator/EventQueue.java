package io.eddy.cep.operator;

import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.TypeSerializer;
import io.eddy.cep.EventComparator;
import io.eddy.cep.nfa.sharedbuffer.EventId;
import io.eddy.cep.nfa.sharedbuffer.TimestampCounts;
import io.eddy.cep.state.CachedState;
import io.eddy.cep.state.KeyedStateCache;
import java.util.function.Function;
import java.util.ArrayList;
import java.util.List;

/**
 * The current key's events that wait for the watermark (or, with a comparator in processing
 * time, for the next millisecond), in keyed state so they survive failures: each event in a
 * map state under (its timestamp, its arrival number at that timestamp), and the key's
 * timestamps with their number of events in a value state ({@code <name>-index}). Adding is one
 * read of the index and two writes; draining reads the index and then each event by its key,
 * never iterating the map state (on the byte backends an iteration is a seek that also walks
 * the entries deleted since the last compaction). Drained in timestamp order; the events of one
 * timestamp by the comparator, then in arrival order. Read and written through the operator's
 * {@link KeyedStateCache}, so an event drained before it is evicted or checkpointed never
 * reaches the backend.
 */
final class EventQueue<IN> {
  /** Receives the events of one timestamp. */
  @FunctionalInterface
  interface Batch<IN> {
    void accept(long timestamp, List<IN> events) throws Exception;
  }

  private final CachedState<EventId, IN, IN> events;
  private final CachedState<Boolean, TimestampCounts, TimestampCounts> index;
  private final EventComparator<IN> comparator;

  EventQueue(KeyedStateCache cache, String name, TypeSerializer<IN> eventSerializer, EventComparator<IN> comparator) {
    this.events = cache.events(new MapStateDescriptor<>(name, EventId.SERIALIZER, eventSerializer),
        Function.identity(), Function.identity());
    this.index = cache.value(indexDescriptor(name));
    this.comparator = comparator;
  }

  /** The descriptor of the index state (read ahead in the asynchronous execution model). */
  static ValueStateDescriptor<TimestampCounts> indexDescriptor(String name) {
    return new ValueStateDescriptor<>(name + "-index", TimestampCounts.SERIALIZER);
  }

  /** Adds an event; true when it is the first at its timestamp (the caller then registers a timer). */
  boolean add(IN event, long timestamp) throws Exception {
    TimestampCounts current = index();
    int arrival = current.count(timestamp);
    events.putNew(new EventId(arrival, timestamp), event);
    index.put(CachedState.VALUE, current.increment(timestamp));
    return arrival == 0;
  }

  /** Hands over and removes the events with timestamps up to {@code upTo}, in order. */
  void drain(long upTo, Batch<IN> batch) throws Exception {
    TimestampCounts current = index();
    int due = current.countAtMost(upTo);
    if (due == 0) {
      return;
    }
    for (int i = 0; i < due; i++) {
      long t = current.timestamp(i);
      List<IN> batchEvents = new ArrayList<>(current.countAt(i));
      for (int arrival = 0; arrival < current.countAt(i); arrival++) {
        EventId id = new EventId(arrival, t);
        batchEvents.add(events.get(id));
        events.remove(id);
      }
      if (comparator != null) {
        batchEvents.sort(comparator);
      }
      batch.accept(t, batchEvents);
    }
    TimestampCounts rest = current.dropFirst(due);
    if (rest.isEmpty()) {
      index.remove(CachedState.VALUE);
    } else {
      index.put(CachedState.VALUE, rest);
    }
  }

  private TimestampCounts index() throws Exception {
    TimestampCounts current = index.get(CachedState.VALUE);
    return current == null ? TimestampCounts.EMPTY : current;
  }
}
