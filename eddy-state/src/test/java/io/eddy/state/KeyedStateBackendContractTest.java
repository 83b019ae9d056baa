package io.eddy.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.state.AggregatingStateDescriptor;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ReducingStateDescriptor;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.TypeSerializers;
import io.eddy.state.InternalStates.InternalAggregatingState;
import io.eddy.state.InternalStates.InternalListState;
import io.eddy.state.InternalStates.InternalMapState;
import io.eddy.state.InternalStates.InternalReducingState;
import io.eddy.state.InternalStates.InternalValueState;
import io.eddy.state.timers.Timer;
import io.eddy.state.timers.TimerQueue;
import io.eddy.api.state.ListState;
import io.eddy.api.state.MapState;
import io.eddy.api.state.StateTtlConfig;
import io.eddy.api.state.ValueState;
import io.eddy.state.bytes.ByteKeyedStateBackend;
import io.eddy.state.bytes.SortedMapKvStore;
import io.eddy.state.heap.HeapKeyedStateBackend;
import io.eddy.state.ttl.TtlStates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every keyed state backend must do, whatever it stores: the five primitives against
 * models, namespaces and merging, timers, TTL, and snapshots that come back at their moment
 * when restored into other key-group ranges (rescaling). Each backend's test extends this and
 * says how to create a backend; snapshots are driven through the SPI alone.
 */
public abstract class KeyedStateBackendContractTest {
  protected static final int MAX_PARALLELISM = 128;

  private final List<KeyedStateBackend<?>> created = new ArrayList<>();
  protected KeyedStateBackend<String> backend;

  /** A new, empty backend of the kind under test owning {@code range}. */
  protected abstract KeyedStateBackend<String> createBackend(KeyGroupRange range, int maxParallelism) throws Exception;

  @BeforeEach
  void createDefaultBackend() throws Exception {
    backend = create(KeyGroupRange.of(0, MAX_PARALLELISM - 1));
  }

  @AfterEach
  void closeBackends() {
    created.forEach(KeyedStateBackend::close);
  }

  protected KeyedStateBackend<String> create(KeyGroupRange range) throws Exception {
    KeyedStateBackend<String> b = createBackend(range, MAX_PARALLELISM);
    created.add(b);
    return b;
  }

  @Test
  void valueStateAgainstAMapModel() throws Exception {
    InternalValueState<VoidNamespace, Long> state =
        backend.createValueState(VoidNamespace.SERIALIZER, new ValueStateDescriptor<>("v", Long.class));
    Map<String, Long> model = new HashMap<>();
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      String key = "k" + random.nextInt(500);
      backend.setCurrentKey(key);
      switch (random.nextInt(4)) {
        case 0 -> { state.clear(); model.remove(key); }
        case 1 -> { state.update(null); model.remove(key); }
        default -> { long v = random.nextLong(); state.update(v); model.put(key, v); }
      }
      assertThat(state.value()).isEqualTo(model.get(key));
    }
    assertThat(backend.getKeys("v", VoidNamespace.INSTANCE).toList()).containsExactlyInAnyOrderElementsOf(model.keySet());
  }

  @Test
  void namespacesSeparateStateOfTheSameKey() throws Exception {
    InternalListState<String, Integer> list =
        backend.createListState(TypeSerializers.of(String.class), new ListStateDescriptor<>("l", Integer.class));
    backend.setCurrentKey("a");
    list.setCurrentNamespace("w1");
    list.add(1);
    list.add(2);
    list.setCurrentNamespace("w2");
    list.add(3);
    assertThat(list.get()).containsExactly(3);
    list.setCurrentNamespace("w1");
    assertThat(list.get()).containsExactly(1, 2);
    backend.setCurrentKey("b");
    assertThat(list.get()).isEmpty();
    backend.setCurrentKey("a");
    list.mergeNamespaces("w3", List.of("w1", "w2"));
    list.setCurrentNamespace("w3");
    assertThat(list.get()).containsExactlyInAnyOrder(1, 2, 3);
    list.setCurrentNamespace("w1");
    assertThat(list.get()).isEmpty();
    list.setCurrentNamespace("w3");
    list.update(List.of(9));
    assertThat(list.get()).containsExactly(9);
    list.addAll(List.of(8, 7));
    assertThat(list.get()).containsExactly(9, 8, 7);
    assertThatThrownBy(() -> list.add(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void mapStateBehavesLikeAMapPerKey() throws Exception {
    InternalMapState<VoidNamespace, String, Integer> map = backend.createMapState(VoidNamespace.SERIALIZER,
        new MapStateDescriptor<>("m", String.class, Integer.class));
    backend.setCurrentKey("a");
    assertThat(map.isEmpty()).isTrue();
    map.put("x", 1);
    map.putAll(Map.of("y", 2, "z", 3));
    map.remove("y");
    assertThat(map.contains("x")).isTrue();
    assertThat(map.contains("y")).isFalse();
    assertThat(map.get("z")).isEqualTo(3);
    assertThat(map.keys()).containsExactlyInAnyOrder("x", "z");
    assertThat(map.values()).containsExactlyInAnyOrder(1, 3);
    backend.setCurrentKey("b");
    assertThat(map.entries()).isEmpty();
    backend.setCurrentKey("a");
    map.remove("x");
    map.remove("z");
    assertThat(map.isEmpty()).isTrue();
    assertThat(backend.getKeys("m", VoidNamespace.INSTANCE)).isEmpty();
  }

  @Test
  void reducingAndAggregatingStatesFoldAndMerge() throws Exception {
    InternalReducingState<String, Integer> sum = backend.createReducingState(TypeSerializers.of(String.class),
        new ReducingStateDescriptor<>("sum", Integer::sum, Integer.class));
    InternalAggregatingState<String, Integer, Double> avg = backend.createAggregatingState(
        TypeSerializers.of(String.class), new AggregatingStateDescriptor<>("avg", new Avg(), long[].class));
    backend.setCurrentKey("k");
    for (String ns : List.of("a", "b")) {
      sum.setCurrentNamespace(ns);
      avg.setCurrentNamespace(ns);
      assertThat(sum.get()).isNull();
      assertThat(avg.get()).isNull();
    }
    sum.setCurrentNamespace("a");
    avg.setCurrentNamespace("a");
    for (int v : new int[] {1, 2, 3}) {
      sum.add(v);
      avg.add(v);
    }
    sum.setCurrentNamespace("b");
    avg.setCurrentNamespace("b");
    sum.add(10);
    avg.add(10);
    sum.mergeNamespaces("a", List.of("b"));
    avg.mergeNamespaces("a", List.of("b"));
    sum.setCurrentNamespace("a");
    avg.setCurrentNamespace("a");
    assertThat(sum.get()).isEqualTo(16);
    assertThat(avg.get()).isEqualTo(4.0);
  }

  @Test
  void theSameNameWithAnotherKindIsRejected() {
    backend.createValueState(VoidNamespace.SERIALIZER, new ValueStateDescriptor<>("x", Long.class));
    assertThatThrownBy(() -> backend.createListState(VoidNamespace.SERIALIZER, new ListStateDescriptor<>("x", Long.class)))
        .hasMessageContaining("'x'");
    assertThat(backend.createValueState(VoidNamespace.SERIALIZER, new ValueStateDescriptor<>("x", Long.class)))
        .isNotNull();
  }

  @Test
  void keysOutsideTheOwnedKeyGroupsAreRejected() throws Exception {
    KeyedStateBackend<String> half = create(KeyGroupRange.of(0, 63));
    int rejected = 0;
    for (int i = 0; i < 100; i++) {
      try {
        half.setCurrentKey("k" + i);
      } catch (IllegalStateException e) {
        rejected++;
      }
    }
    assertThat(rejected).isBetween(20, 80);
  }

  @Test
  void timerQueueOrdersDeduplicatesAndRemoves() {
    TimerQueue<String, VoidNamespace> timers = backend.createTimerQueue("t", VoidNamespace.SERIALIZER);
    assertThat(timers.add(new Timer<>(30, "a", VoidNamespace.INSTANCE, 1))).isTrue();
    assertThat(timers.add(new Timer<>(10, "b", VoidNamespace.INSTANCE, 2))).isTrue();
    assertThat(timers.add(new Timer<>(30, "a", VoidNamespace.INSTANCE, 1))).isFalse();
    assertThat(timers.add(new Timer<>(20, "c", VoidNamespace.INSTANCE, 1))).isTrue();
    assertThat(timers.remove(new Timer<>(20, "c", VoidNamespace.INSTANCE, 1))).isTrue();
    assertThat(timers.remove(new Timer<>(20, "c", VoidNamespace.INSTANCE, 1))).isFalse();
    assertThat(timers.timersOfKeyGroup(1)).extracting(Timer::key).containsExactly("a");
    assertThat(timers.poll().timestamp()).isEqualTo(10);
    assertThat(timers.poll().timestamp()).isEqualTo(30);
    assertThat(timers.poll()).isNull();
  }

  @Test
  void timersChangedBetweenSnapshotsRestoreAsQueued() throws Exception {
    TimerQueue<String, VoidNamespace> timers = backend.createTimerQueue("t", VoidNamespace.SERIALIZER);
    java.util.function.IntFunction<Timer<String, VoidNamespace>> timer = i -> new Timer<>(
        i, "k" + i, VoidNamespace.INSTANCE, KeyGroupRangeAssignment.assignToKeyGroup("k" + i, MAX_PARALLELISM));
    for (int i = 1; i <= 3; i++) {
      timers.add(timer.apply(i));
    }
    checkpoint(backend, 1);
    timers.remove(timer.apply(3)); // in the first snapshot, gone from the second
    timers.add(timer.apply(4)); // added and removed between two snapshots
    timers.remove(timer.apply(4));
    timers.add(timer.apply(5));
    assertThat(timers.poll()).isEqualTo(timer.apply(1));
    timers.add(timer.apply(3)); // removed and added again
    timers.remove(timer.apply(2));
    timers.add(timer.apply(2));
    Checkpointed second = checkpoint(backend, 2);
    timers.add(timer.apply(6));
    timers.remove(timer.apply(5));
    Checkpointed third = savepoint(backend, 3);
    for (var expected : List.of(Map.entry(second, List.of(2, 3, 5)), Map.entry(third, List.of(2, 3, 6)))) {
      KeyedStateBackend<String> restored = restore(KeyGroupRange.of(0, MAX_PARALLELISM - 1), List.of(expected.getKey()));
      TimerQueue<String, VoidNamespace> queue = restored.createTimerQueue("t", VoidNamespace.SERIALIZER);
      List<Integer> times = new ArrayList<>();
      for (Timer<String, VoidNamespace> t = queue.poll(); t != null; t = queue.poll()) {
        times.add((int) t.timestamp());
      }
      assertThat(times).isEqualTo(expected.getValue());
    }
  }

  @Test
  void mapIterationRemovesAndWritesThrough() throws Exception {
    InternalMapState<String, Integer, String> map = backend.createMapState(TypeSerializers.of(String.class),
        new MapStateDescriptor<>("m", Integer.class, String.class));
    backend.setCurrentKey("a");
    map.setCurrentNamespace("w");
    for (int i = 0; i < 50; i++) {
      map.put(i, i % 5 == 0 ? null : "v" + i);
    }
    map.setCurrentNamespace("other");
    map.put(1, "elsewhere");
    map.setCurrentNamespace("w");
    assertThat(map.get(5)).isNull();
    assertThat(map.contains(5)).isTrue();
    Iterator<Map.Entry<Integer, String>> it = map.iterator();
    while (it.hasNext()) {
      Map.Entry<Integer, String> e = it.next();
      if (e.getKey() % 2 == 0) {
        it.remove();
      } else if (e.getValue() != null) {
        e.setValue(e.getValue() + "!");
      }
    }
    assertThat(map.keys()).hasSize(25).allMatch(k -> k % 2 == 1);
    assertThat(map.get(7)).isEqualTo("v7!");
    map.clear();
    assertThat(map.isEmpty()).isTrue();
    map.setCurrentNamespace("other");
    assertThat(map.get(1)).isEqualTo("elsewhere");
    assertThat(backend.getKeys("m", "other").toList()).containsExactly("a");
    assertThat(backend.getKeys("m", "w").toList()).isEmpty();
  }

  @Test
  void valuesReadAreCopiesOnlyWhenTheBackendSerializes() throws Exception {
    InternalValueState<VoidNamespace, List<Integer>> v = backend.createValueState(VoidNamespace.SERIALIZER,
        new ValueStateDescriptor<>("v", TypeSerializers.generic()));
    backend.setCurrentKey("a");
    v.update(new ArrayList<>(List.of(1)));
    List<Integer> read = v.value();
    List<Integer> updated = new ArrayList<>(read);
    updated.add(2);
    v.update(updated);
    assertThat(v.value()).containsExactly(1, 2);
  }

  @Test
  void ttlExpiresValuesMapEntriesAndListElements() throws Exception {
    AtomicLong now = new AtomicLong(1_000);
    StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMillis(100)).build();
    ValueStateDescriptor<String> vd = new ValueStateDescriptor<>("tv", String.class);
    MapStateDescriptor<String, Integer> md = new MapStateDescriptor<>("tm", String.class, Integer.class);
    ListStateDescriptor<Integer> ld = new ListStateDescriptor<>("tl", Integer.class);
    vd.enableTimeToLive(ttl);
    md.enableTimeToLive(ttl);
    ld.enableTimeToLive(ttl);
    @SuppressWarnings("unchecked")
    ValueState<String> value = (ValueState<String>) TtlStates.create(backend, VoidNamespace.SERIALIZER, vd, now::get);
    @SuppressWarnings("unchecked")
    MapState<String, Integer> map = (MapState<String, Integer>) TtlStates.create(backend, VoidNamespace.SERIALIZER, md, now::get);
    @SuppressWarnings("unchecked")
    ListState<Integer> list = (ListState<Integer>) TtlStates.create(backend, VoidNamespace.SERIALIZER, ld, now::get);
    backend.setCurrentKey("k");
    value.update("x");
    map.put("old", 1);
    list.add(1);
    now.addAndGet(60);
    map.put("new", 2);
    list.add(2);
    now.addAndGet(50);
    assertThat(value.value()).isNull();
    assertThat(map.get("old")).isNull();
    assertThat(map.get("new")).isEqualTo(2);
    assertThat(list.get()).containsExactly(2);
  }

  @Test
  void snapshotsRestoreAtTheirMomentIntoOtherRangesAndBack() throws Exception {
    KeyedStateBackend<String> source = backend;
    StateSet states = new StateSet(source);
    for (int i = 0; i < 300; i++) {
      states.write(source, i, "a" + i, (long) i);
    }
    Checkpointed first = checkpoint(source, 1);
    for (int i = 0; i < 300; i++) { // after the snapshot: must not leak into it, even mutated in place
      states.write(source, i, "after", 1_000_000L);
    }
    source.setCurrentKey("new");
    states.value.update(5L);
    List<KeyGroupRange> halves = List.of(KeyGroupRange.of(0, 50), KeyGroupRange.of(51, MAX_PARALLELISM - 1));
    List<Checkpointed> second = new ArrayList<>();
    long checkpointId = 2;
    for (KeyGroupRange half : halves) {
      KeyedStateBackend<String> restored = restore(half, List.of(first));
      int owned = new StateSet(restored).verify(restored, half, 300, i -> List.of("a" + i), i -> (long) i);
      assertThat(owned).isPositive();
      assertThat(restored.getKeys("v", VoidNamespace.INSTANCE).count()).isEqualTo(owned);
      TimerQueue<String, VoidNamespace> timers = restored.createTimerQueue("t", VoidNamespace.SERIALIZER);
      assertThat(timers.size()).isEqualTo(owned);
      StateSet again = new StateSet(restored);
      for (int i = 0; i < 300; i++) {
        if (half.contains(KeyGroupRangeAssignment.assignToKeyGroup("k" + i, MAX_PARALLELISM))) {
          again.write(restored, i, "b" + i, 10L);
        }
      }
      second.add(checkpoint(restored, checkpointId++));
    }
    KeyedStateBackend<String> merged = restore(KeyGroupRange.of(0, MAX_PARALLELISM - 1), second);
    int all = new StateSet(merged).verify(merged, KeyGroupRange.of(0, MAX_PARALLELISM - 1), 300,
        i -> List.of("a" + i, "b" + i), i -> i + 10L);
    assertThat(all).isEqualTo(300);
    TimerQueue<String, VoidNamespace> timers = merged.createTimerQueue("t", VoidNamespace.SERIALIZER);
    assertThat(timers.size()).isEqualTo(300);
    assertThat(timers.poll().timestamp()).isEqualTo(1000);
  }

  @Test
  void savepointsRestoreIntoEveryKindOfBackendAtOtherRanges() throws Exception {
    StateSet states = new StateSet(backend);
    for (int i = 0; i < 300; i++) {
      states.write(backend, i, "a" + i, (long) i);
    }
    Checkpointed savepoint = savepoint(backend, 1);
    for (int i = 0; i < 300; i++) { // after the savepoint: must not leak into it
      states.write(backend, i, "after", 1_000_000L);
    }
    List<BackendKind> kinds = List.of(this::create,
        range -> own(new HeapKeyedStateBackend<>(range, MAX_PARALLELISM)),
        range -> own(new ByteKeyedStateBackend<>(new SortedMapKvStore(), range, MAX_PARALLELISM)));
    for (BackendKind kind : kinds) {
      List<Checkpointed> again = new ArrayList<>();
      for (int half = 0; half < 2; half++) {
        KeyedStateBackend<String> restored = restoreInto(kind.create(halves().get(half)), List.of(savepoint));
        int owned = new StateSet(restored).verify(restored, halves().get(half), 300, i -> List.of("a" + i), i -> (long) i);
        assertThat(owned).as(restored.backendType()).isPositive();
        assertThat(restored.createTimerQueue("t", VoidNamespace.SERIALIZER).size()).isEqualTo(owned);
        again.add(savepoint(restored, 2));
      }
      KeyedStateBackend<String> merged = restoreInto(create(KeyGroupRange.of(0, MAX_PARALLELISM - 1)), again);
      assertThat(new StateSet(merged).verify(merged, KeyGroupRange.of(0, MAX_PARALLELISM - 1), 300,
          i -> List.of("a" + i), i -> (long) i)).isEqualTo(300);
    }
  }

  @Test
  void savepointStateNotAskedForYetSurvivesCheckpointsAndSavepoints() throws Exception {
    StateSet states = new StateSet(backend);
    for (int i = 0; i < 300; i++) {
      states.write(backend, i, "a" + i, (long) i);
    }
    KeyGroupRange all = KeyGroupRange.of(0, MAX_PARALLELISM - 1);
    KeyedStateBackend<String> restored = restoreInto(create(all), List.of(savepoint(backend, 1)));
    KeyedStateBackend<String> recovered = restore(all, List.of(checkpoint(restored, 2)));
    KeyedStateBackend<String> onHeap = restoreInto(own(new HeapKeyedStateBackend<>(all, MAX_PARALLELISM)),
        List.of(savepoint(recovered, 3)));
    assertThat(new StateSet(onHeap).verify(onHeap, all, 300, i -> List.of("a" + i), i -> (long) i)).isEqualTo(300);
    assertThat(onHeap.createTimerQueue("t", VoidNamespace.SERIALIZER).size()).isEqualTo(300);
  }

  private interface BackendKind {
    KeyedStateBackend<String> create(KeyGroupRange range) throws Exception;
  }

  private static List<KeyGroupRange> halves() {
    return List.of(KeyGroupRange.of(0, 50), KeyGroupRange.of(51, MAX_PARALLELISM - 1));
  }

  private KeyedStateBackend<String> own(KeyedStateBackend<String> b) {
    created.add(b);
    return b;
  }

  /** One of each primitive, a TTL-ed one and a timer queue, written and checked for keys k0..kN. */
  private static final class StateSet {
    final InternalValueState<VoidNamespace, Long> value;
    final InternalListState<String, String> list;
    final InternalMapState<VoidNamespace, String, Integer> map;
    final InternalAggregatingState<VoidNamespace, Long, Long> agg;
    final MapState<String, Integer> ttlMap;
    final TimerQueue<String, VoidNamespace> timers;

    @SuppressWarnings("unchecked")
    StateSet(KeyedStateBackend<String> b) {
      value = b.createValueState(VoidNamespace.SERIALIZER, new ValueStateDescriptor<>("v", Long.class));
      list = b.createListState(TypeSerializers.of(String.class), new ListStateDescriptor<>("l", String.class));
      map = b.createMapState(VoidNamespace.SERIALIZER, new MapStateDescriptor<>("m", String.class, Integer.class));
      agg = b.createAggregatingState(VoidNamespace.SERIALIZER, new AggregatingStateDescriptor<>("a", new Avg2(), long[].class));
      MapStateDescriptor<String, Integer> ttl = new MapStateDescriptor<>("ttl", String.class, Integer.class);
      ttl.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofHours(1)).build());
      ttlMap = (MapState<String, Integer>) TtlStates.create(b, VoidNamespace.SERIALIZER, ttl, () -> 1_000L);
      timers = b.createTimerQueue("t", VoidNamespace.SERIALIZER);
    }

    void write(KeyedStateBackend<String> b, int i, String element, long added) throws Exception {
      String key = "k" + i;
      b.setCurrentKey(key);
      value.update((long) i);
      list.setCurrentNamespace("w" + (i % 3));
      list.add(element);
      map.put("x", i);
      agg.add(added);
      ttlMap.put("y", i);
      timers.add(new Timer<>(1000 + i, key, VoidNamespace.INSTANCE, b.getCurrentKeyGroup()));
    }

    int verify(KeyedStateBackend<String> b, KeyGroupRange range, int n, IntFunction<List<String>> lists,
        IntFunction<Long> sums) throws Exception {
      int owned = 0;
      for (int i = 0; i < n; i++) {
        String key = "k" + i;
        if (!range.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM))) {
          continue;
        }
        owned++;
        b.setCurrentKey(key);
        assertThat(value.value()).isEqualTo(i);
        list.setCurrentNamespace("w" + (i % 3));
        assertThat(list.get()).containsExactlyElementsOf(lists.apply(i));
        assertThat(map.keys()).containsExactly("x");
        assertThat(agg.get()).isEqualTo(sums.apply(i));
        assertThat(ttlMap.get("y")).isEqualTo(i);
      }
      return owned;
    }
  }

  /** A completed snapshot: its key groups' streams, or its file handle. */
  protected record Checkpointed(KeyGroupRange range, Map<Integer, byte[]> keyGroups, byte[] handle) {}

  protected static Checkpointed checkpoint(KeyedStateBackend<?> b, long checkpointId) throws Exception {
    return complete(b, checkpointId, b.snapshot(checkpointId));
  }

  protected static Checkpointed savepoint(KeyedStateBackend<?> b, long checkpointId) throws Exception {
    return complete(b, checkpointId, b.savepoint(checkpointId));
  }

  private static Checkpointed complete(KeyedStateBackend<?> b, long checkpointId, KeyedStateSnapshot snapshot)
      throws Exception {
    try {
      Checkpointed result = switch (snapshot) {
        case KeyGroupStreamSnapshot streams -> {
          Map<Integer, byte[]> groups = new HashMap<>();
          KeyGroupRange range = streams.keyGroupRange();
          for (int kg = range.startKeyGroup(); kg <= range.endKeyGroup(); kg++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            streams.writeKeyGroup(kg, new DataOutputStream(bytes));
            groups.put(kg, bytes.toByteArray());
          }
          yield new Checkpointed(range, groups, null);
        }
        case FileHandleSnapshot files -> new Checkpointed(files.keyGroupRange(), null, files.persist().handle());
      };
      b.notifyCheckpointComplete(checkpointId);
      return result;
    } finally {
      snapshot.release();
    }
  }

  protected KeyedStateBackend<String> restore(KeyGroupRange range, List<Checkpointed> checkpoints) throws Exception {
    return restoreInto(create(range), checkpoints);
  }

  /** Restores into {@code restored} what of {@code checkpoints} overlaps its key groups. */
  protected static KeyedStateBackend<String> restoreInto(KeyedStateBackend<String> restored,
      List<Checkpointed> checkpoints) throws Exception {
    KeyGroupRange range = restored.keyGroupRange();
    List<KeyedStateHandle> handles = new ArrayList<>();
    for (Checkpointed c : checkpoints) {
      KeyGroupRange overlap = c.range().intersection(range);
      if (overlap.size() == 0) {
        continue;
      }
      if (c.handle() != null) {
        handles.add(new KeyedStateHandle(c.range(), c.handle()));
      } else {
        for (int kg = overlap.startKeyGroup(); kg <= overlap.endKeyGroup(); kg++) {
          restored.restoreKeyGroup(kg, new DataInputStream(new ByteArrayInputStream(c.keyGroups().get(kg))));
        }
      }
    }
    if (!handles.isEmpty()) {
      restored.restoreFromHandles(handles);
    }
    return restored;
  }

  /** Sum of longs in a mutable accumulator (mutated in place, as user code often does). */
  static final class Avg2 implements AggregateFunction<Long, long[], Long> {
    @Override public long[] createAccumulator() { return new long[1]; }
    @Override public long[] add(Long v, long[] a) { a[0] += v; return a; }
    @Override public Long getResult(long[] a) { return a[0]; }
    @Override public long[] merge(long[] a, long[] b) { a[0] += b[0]; return a; }
  }

  static final class Avg implements AggregateFunction<Integer, long[], Double> {
    @Override public long[] createAccumulator() { return new long[2]; }
    @Override public long[] add(Integer v, long[] a) { a[0] += v; a[1]++; return a; }
    @Override public Double getResult(long[] a) { return (double) a[0] / a[1]; }
    @Override public long[] merge(long[] a, long[] b) { a[0] += b[0]; a[1] += b[1]; return a; }
  }
}
