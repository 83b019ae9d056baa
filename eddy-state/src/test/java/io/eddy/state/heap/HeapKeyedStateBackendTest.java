package io.eddy.state.heap;

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
import io.eddy.state.KeyGroupRange;
import io.eddy.state.VoidNamespace;
import io.eddy.state.timers.Timer;
import io.eddy.state.timers.TimerQueue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeapKeyedStateBackendTest {
  private final HeapKeyedStateBackend<String> backend = new HeapKeyedStateBackend<>(KeyGroupRange.of(0, 127), 128);

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
  void keysOutsideTheOwnedKeyGroupsAreRejected() {
    HeapKeyedStateBackend<String> half = new HeapKeyedStateBackend<>(KeyGroupRange.of(0, 63), 128);
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
