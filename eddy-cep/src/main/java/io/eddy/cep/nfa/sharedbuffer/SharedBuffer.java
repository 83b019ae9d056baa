package io.eddy.cep.nfa.sharedbuffer;

import io.eddy.api.state.KeyedStateStore;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.TypeSerializer;
import io.eddy.cep.nfa.DeweyNumber;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
 * advancing time only trims the small arrivals index. Reads and writes of one NFA step go
 * through an in-memory cache that {@link #flush} writes back; call it before the current key
 * changes. Owned by the task thread.
 */
public final class SharedBuffer<V> {
  private final MapState<EventId, BufferEntries.StoredEvent<V>> events;
  private final MapState<NodeId, BufferEntries.StoredNode> nodes;
  private final ValueState<TimestampCounts> arrivals;
  private final Map<EventId, Lockable<V>> eventCache = new HashMap<>();
  private final Map<NodeId, Lockable<SharedBufferNode>> nodeCache = new HashMap<>();
  private final Map<EventId, Boolean> removedEvents = new HashMap<>();
  private final Map<NodeId, Boolean> removedNodes = new HashMap<>();
  /** The step's arrivals index; null until read. */
  private TimestampCounts cachedArrivals;
  private boolean arrivalsChanged;

  public SharedBuffer(KeyedStateStore store, String prefix, TypeSerializer<V> eventSerializer) {
    this.events = store.getMapState(new MapStateDescriptor<>(prefix + "events", EventId.SERIALIZER,
        BufferEntries.eventSerializer(eventSerializer)));
    this.nodes = store.getMapState(new MapStateDescriptor<>(prefix + "nodes", NodeId.SERIALIZER,
        BufferEntries.NODE_SERIALIZER));
    this.arrivals = store.getState(arrivalsDescriptor(prefix));
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
    putEvent(eventId, new Lockable<>(value, 1));
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

  /** Writes the cached reads and writes of this step back to keyed state and empties the cache. */
  public void flush() throws Exception {
    for (EventId id : removedEvents.keySet()) {
      events.remove(id);
    }
    for (NodeId id : removedNodes.keySet()) {
      nodes.remove(id);
    }
    for (Map.Entry<EventId, Lockable<V>> e : eventCache.entrySet()) {
      events.put(e.getKey(), BufferEntries.store(e.getValue()));
    }
    for (Map.Entry<NodeId, Lockable<SharedBufferNode>> e : nodeCache.entrySet()) {
      nodes.put(e.getKey(), BufferEntries.storeNode(e.getValue()));
    }
    if (arrivalsChanged) {
      if (cachedArrivals.isEmpty()) {
        arrivals.clear();
      } else {
        arrivals.update(cachedArrivals);
      }
    }
    clearCache();
  }

  /** Removes all of the current key's buffer (a pattern was replaced). Clears the cache too. */
  public void clear() {
    clearCache();
    events.clear();
    nodes.clear();
    arrivals.clear();
  }

  private void clearCache() {
    eventCache.clear();
    nodeCache.clear();
    removedEvents.clear();
    removedNodes.clear();
    cachedArrivals = null;
    arrivalsChanged = false;
  }

  private TimestampCounts arrivals() throws Exception {
    if (cachedArrivals == null) {
      TimestampCounts stored = arrivals.value();
      cachedArrivals = stored == null ? TimestampCounts.EMPTY : stored;
    }
    return cachedArrivals;
  }

  private void setArrivals(TimestampCounts counts) {
    cachedArrivals = counts;
    arrivalsChanged = true;
  }

  /** True when the current key has no buffered event (flush first). */
  public boolean isEmpty() throws Exception {
    return events.isEmpty();
  }

  private Lockable<V> event(EventId id) throws Exception {
    Lockable<V> cached = eventCache.get(id);
    if (cached != null || removedEvents.containsKey(id)) {
      return cached;
    }
    BufferEntries.StoredEvent<V> stored = events.get(id);
    if (stored == null) {
      return null;
    }
    Lockable<V> loaded = BufferEntries.load(stored);
    eventCache.put(id, loaded);
    return loaded;
  }

  private Lockable<SharedBufferNode> node(NodeId id) throws Exception {
    Lockable<SharedBufferNode> cached = nodeCache.get(id);
    if (cached != null || removedNodes.containsKey(id)) {
      return cached;
    }
    BufferEntries.StoredNode stored = nodes.get(id);
    if (stored == null) {
      return null;
    }
    Lockable<SharedBufferNode> loaded = BufferEntries.loadNode(stored);
    nodeCache.put(id, loaded);
    return loaded;
  }

  private void lockEvent(EventId id) throws Exception {
    Lockable<V> event = event(id);
    if (event == null) {
      throw new IllegalStateException("The shared buffer has no event " + id + " to refer to");
    }
    event.lock();
    putEvent(id, event);
  }

  private void putEvent(EventId id, Lockable<V> event) {
    removedEvents.remove(id);
    eventCache.put(id, event);
  }

  private void putNode(NodeId id, Lockable<SharedBufferNode> node) {
    removedNodes.remove(id);
    nodeCache.put(id, node);
  }

  private void removeEvent(EventId id) {
    eventCache.remove(id);
    removedEvents.put(id, Boolean.TRUE);
  }

  private void removeNode(NodeId id) {
    nodeCache.remove(id);
    removedNodes.put(id, Boolean.TRUE);
  }
}
