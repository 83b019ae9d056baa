package io.eddy.state.ttl;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ReducingState;
import io.eddy.api.state.ReducingStateDescriptor;
import io.eddy.api.state.StateTtlConfig;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.VoidNamespace;
import io.eddy.state.heap.HeapKeyedStateBackend;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** TTL expiry driven by a manual clock, for every primitive that supports it. */
class TtlStatesTest {
  private final AtomicLong now = new AtomicLong(1000);
  private final HeapKeyedStateBackend<String> backend = new HeapKeyedStateBackend<>(KeyGroupRange.of(0, 127), 128);
  private final StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMillis(100)).build();

  @SuppressWarnings("unchecked")
  private <S> S create(io.eddy.api.state.StateDescriptor<?> d) {
    d.enableTimeToLive(ttl);
    return (S) TtlStates.create(backend, VoidNamespace.SERIALIZER, d, now::get);
  }

  @Test
  void valueExpiresAfterTtlSinceLastWrite() throws Exception {
    ValueState<String> v = create(new ValueStateDescriptor<>("v", String.class));
    backend.setCurrentKey("k");
    v.update("x");
    now.addAndGet(99);
    assertThat(v.value()).isEqualTo("x");
    v.update("y"); // write renews
    now.addAndGet(99);
    assertThat(v.value()).isEqualTo("y");
    now.addAndGet(1);
    assertThat(v.value()).isNull();
    assertThat(backend.getKeys("v", VoidNamespace.INSTANCE)).isEmpty();
  }

  @Test
  void readRenewsWithOnReadAndWrite() throws Exception {
    ValueStateDescriptor<String> d = new ValueStateDescriptor<>("r", String.class);
    d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(100)).updateTtlOnReadAndWrite().build());
    @SuppressWarnings("unchecked")
    ValueState<String> v = (ValueState<String>) TtlStates.create(backend, VoidNamespace.SERIALIZER, d, now::get);
    backend.setCurrentKey("k");
    v.update("x");
    for (int i = 0; i < 5; i++) {
      now.addAndGet(60);
      assertThat(v.value()).isEqualTo("x");
    }
    now.addAndGet(100);
    assertThat(v.value()).isNull();
  }

  @Test
  void returnExpiredIfNotCleanedUpReturnsItOnce() throws Exception {
    ValueStateDescriptor<String> d = new ValueStateDescriptor<>("e", String.class);
    d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(100)).returnExpiredIfNotCleanedUp().build());
    @SuppressWarnings("unchecked")
    ValueState<String> v = (ValueState<String>) TtlStates.create(backend, VoidNamespace.SERIALIZER, d, now::get);
    backend.setCurrentKey("k");
    v.update("x");
    now.addAndGet(500);
    assertThat(v.value()).isEqualTo("x");
    assertThat(v.value()).isNull();
  }

  @Test
  void listAndMapEntriesExpireIndividually() throws Exception {
    ListState<Integer> list = create(new ListStateDescriptor<>("l", Integer.class));
    MapState<String, Integer> map = create(new MapStateDescriptor<>("m", String.class, Integer.class));
    backend.setCurrentKey("k");
    list.add(1);
    map.put("a", 1);
    now.addAndGet(50);
    list.add(2);
    map.put("b", 2);
    now.addAndGet(60);
    assertThat(list.get()).containsExactly(2);
    assertThat(map.keys()).containsExactly("b");
    assertThat(map.get("a")).isNull();
    assertThat(map.contains("b")).isTrue();
    now.addAndGet(100);
    assertThat(list.get()).isEmpty();
    assertThat(map.isEmpty()).isTrue();
    list.update(List.of(7));
    assertThat(list.get()).containsExactly(7);
  }

  @Test
  void reducingStateStartsOverAfterExpiry() throws Exception {
    ReducingState<Integer> sum = create(new ReducingStateDescriptor<>("s", Integer::sum, Integer.class));
    backend.setCurrentKey("k");
    sum.add(1);
    sum.add(2);
    assertThat(sum.get()).isEqualTo(3);
    now.addAndGet(100);
    assertThat(sum.get()).isNull();
    sum.add(5);
    assertThat(sum.get()).isEqualTo(5);
  }
}
