package io.eddy.cep.nfa.sharedbuffer;

import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.TypeSerializer;
import io.eddy.cep.nfa.DeweyNumber;
import io.eddy.cep.state.CachedState;
import io.eddy.cep.state.KeyedStateCache;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of all partial matches of the current key, stored once, and the links between
 * them (SASE's shared versioned match buffer). A node is an event as accepted by one pattern
 * step; its edges point to the previous event of the match, labelled with the Dewey version of
 * the runs they belong to. Events, nodes and edges are reference counted and removed when no
 * partial match needs them.
 *
 * <p>Everything lives in keyed state (map states {@code <prefix>events} and {@code <prefix>nodes},
 * and the value state {@code <prefix>event-arrivals}: how many events arrived at each timestamp
 * not yet passed, so an event's id is unique), so it is checkpointed, restored and rescaled with
 * the key on every backend. Nothing iterates a map state: entries are read by their keys, and
 * advancing time only trims the small arrivals index. Reads and writes go through the
 * operator's {@link KeyedStateCache} (Flink's SharedBuffer caches), which holds the mutable
 * {@link Lockable} forms and writes them back as immutable records. Owned by the task thread.
 */
public final class SharedBuffer<V> {
  private final CachedState<EventId, Lockable<V>, BufferEntries.StoredEvent<V>> events;
  private final CachedState<NodeId, Lockable<SharedBufferNode>, BufferEntries.StoredNode> nodes;
  private final CachedState<Boolean, TimestampCounts, TimestampCounts> arrivals;

  public SharedBuffer(KeyedStateCache cache, String prefix, TypeSerializer<V> eventSerializer) {
    this.events = cache.events(new MapStateDescriptor<>(prefix + "events", EventId.SERIALIZER,
        BufferEntries.eventSerializer(eventSerializer)), BufferEntries::load, BufferEntries::store);
    this.nodes = cache.entries(new MapStateDescriptor<>(prefix + "nodes", NodeId.SERIALIZER,
        BufferEntries.NODE_SERIALIZER), BufferEntries::loadNode, BufferEntries::storeNode);
    this.arrivals = cache.value(arrivalsDescriptor(prefix));
  }

  /** The descriptor of the arrivals index (read ahead in the asynchronous execution model). */
  public static ValueStateDescriptor<TimestampCounts> arrivalsDescriptor(String prefix) {
    return new ValueStateDescriptor<>(prefix + "event-arrivals", TimestampCounts.SERIALIZER);
  }

  /** Stores an event seen at {@code timestamp}, locked once for the step that processes it. */
  public EventId registerEvent(V value, long timestamp) throws Exception {
    TimestampCounts counts = arrivals();
    int id = counts.count(timestamp);
    setArrivals(counts.increment(timestamp));
    EventId eventId = new EventId(id, timestamp);
    events.putNew(eventId, new Lockable<>(value, 1));
    return eventId;
  }

  /**
   * Records that step {@code stateName} accepted {@code eventId} after {@code previous} (null
   * for the first event of a match), for runs compatible with {@code version}.
   */
  public NodeId put(String stateName, EventId eventId, NodeId previous, DeweyNumber version) throws Exception {
    if (previous != null) {
      lockNode(previous, version);
    }
    NodeId id = new NodeId(eventId, stateName);
    Lockable<SharedBufferNode> node = node(id);
    if (node == null) {
      node = new Lockable<>(new SharedBufferNode(), 0);
      lockEvent(eventId);
    }
    node.element().addEdge(new SharedBufferEdge(previous, version));
    putNode(id, node);
    return id;
  }

  /**
   * The matches that end at {@code nodeId} for run {@code version}: step name to event ids, in
   * the order of the pattern and of the events.
   */
  public List<Map<String, List<EventId>>> extractPatterns(NodeId nodeId, DeweyNumber version) throws Exception {
    record Walk(NodeId node, DeweyNumber version, Deque<NodeId> path) {}
    List<Map<String, List<EventId>>> result = new ArrayList<>();
    if (node(nodeId) == null) {
      return result;
    }
    Deque<Walk> walks = new ArrayDeque<>();
    walks.push(new Walk(nodeId, version, new ArrayDeque<>()));
    while (!walks.isEmpty()) {
      Walk walk = walks.pop();
      if (walk.node == null) {
        Map<String, List<EventId>> match = new LinkedHashMap<>();
        for (NodeId n : walk.path) {
          match.computeIfAbsent(n.pageName(), k -> new ArrayList<>()).add(n.eventId());
        }
        result.add(match);
        continue;
      }
      walk.path.push(walk.node);
      boolean first = true;
      for (Lockable<SharedBufferEdge> lockable : node(walk.node).element().edges()) {
        SharedBufferEdge edge = lockable.element();
        if (walk.version.isCompatibleWith(edge.version())) {
          Deque<NodeId> path = first ? walk.path : new ArrayDeque<>(walk.path);
          first = false;
          walks.push(new Walk(edge.target(), edge.version(), path));
        }
      }
    }
    return result;
  }

  /** The events of a match of event ids. */
  public Map<String, List<V>> materializeMatch(Map<String, List<EventId>> match) throws Exception {
    Map<String, List<V>> events = new LinkedHashMap<>();
    for (Map.Entry<String, List<EventId>> e : match.entrySet()) {
      List<V> values = new ArrayList<>(e.getValue().size());
      for (EventId id : e.getValue()) {
        Lockable<V> event = event(id);
        if (event == null) {
          throw new IllegalStateException("The shared buffer lost event " + id + " of a match");
        }
        values.add(event.element());
      }
      events.put(e.getKey(), values);
    }
    return events;
  }

  /** A partial match of run {@code version} now also refers to {@code nodeId} (null: nothing). */
  public void lockNode(NodeId nodeId, DeweyNumber version) throws Exception {
    if (nodeId == null) {
      return;
    }
    Lockable<SharedBufferNode> node = node(nodeId);
    if (node != null) {
      node.lock();
      for (Lockable<SharedBufferEdge> edge : node.element().edges()) {
        if (version.isCompatibleWith(edge.element().version())) {
          edge.lock();
        }
      }
      putNode(nodeId, node);
    }
  }

  /**
   * A partial match of run {@code version} no longer refers to {@code nodeId}: releases the
   * node and, transitively, the edges, nodes and events no one else refers to.
   */
  public void releaseNode(NodeId nodeId, DeweyNumber version) throws Exception {
    if (nodeId == null) {
      return;
    }
    Deque<NodeId> toRelease = new ArrayDeque<>();
    Deque<DeweyNumber> versions = new ArrayDeque<>();
    toRelease.push(nodeId);
    versions.push(version);
    while (!toRelease.isEmpty()) {
      NodeId current = toRelease.pop();
      DeweyNumber currentVersion = versions.pop();
      Lockable<SharedBufferNode> node = node(current);
      if (node == null) {
        continue;
      }
      Iterator<Lockable<SharedBufferEdge>> edges = node.element().edges().iterator();
      while (edges.hasNext()) {
        Lockable<SharedBufferEdge> edge = edges.next();
        if (currentVersion.isCompatibleWith(edge.element().version()) && edge.release()) {
          edges.remove();
          if (edge.element().target() != null) {
            toRelease.push(edge.element().target());
            versions.push(edge.element().version());
          }
        }
      }
      if (node.release()) {
        removeNode(current);
        releaseEvent(current.eventId());
      } else {
        putNode(current, node);
      }
    }
  }

  /** Drops one reference to an event; removes it when none is left. */
  public void releaseEvent(EventId eventId) throws Exception {
    Lockable<V> event = event(eventId);
    if (event != null) {
      if (event.release()) {
        removeEvent(eventId);
      } else {
        putEvent(eventId, event);
      }
    }
  }

  /** No event older than {@code timestamp} will come: forgets the arrival counters before it. */
  public void advanceTime(long timestamp) throws Exception {
    TimestampCounts counts = arrivals();
    int passed = counts.countBelow(timestamp);
    if (passed > 0) {
      setArrivals(counts.dropFirst(passed));
    }
  }

  /** The cached states of this buffer (to discard when its pattern is dropped). */
  public List<CachedState<?, ?, ?>> cachedStates() {
    return List.of(events, nodes, arrivals);
  }

  /** Removes all of the current key's buffer (a pattern was replaced). */
  public void clear() throws Exception {
    events.clear();
    nodes.clear();
    arrivals.clear();
  }

  private TimestampCounts arrivals() throws Exception {
    TimestampCounts stored = arrivals.get(CachedState.VALUE);
    return stored == null ? TimestampCounts.EMPTY : stored;
  }

  private void setArrivals(TimestampCounts counts) throws Exception {
    if (counts.isEmpty()) {
      arrivals.remove(CachedState.VALUE);
    } else {
      arrivals.put(CachedState.VALUE, counts);
    }
  }

  private Lockable<V> event(EventId id) throws Exception {
    return events.get(id);
  }

  private Lockable<SharedBufferNode> node(NodeId id) throws Exception {
    return nodes.get(id);
  }

  private void lockEvent(EventId id) throws Exception {
    Lockable<V> event = event(id);
    if (event == null) {
      throw new IllegalStateException("The shared buffer has no event " + id + " to refer to");
    }
    event.lock();
    putEvent(id, event);
  }

  private void putEvent(EventId id, Lockable<V> event) throws Exception {
    events.put(id, event);
  }

  private void putNode(NodeId id, Lockable<SharedBufferNode> node) throws Exception {
    nodes.put(id, node);
  }

  private void removeEvent(EventId id) throws Exception {
    events.remove(id);
  }

  private void removeNode(NodeId id) throws Exception {
    nodes.remove(id);
  }
}
