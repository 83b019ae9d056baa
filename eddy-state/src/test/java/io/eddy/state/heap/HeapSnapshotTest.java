package io.eddy.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.state.AggregatingStateDescriptor;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.TypeSerializers;
import io.eddy.state.InternalStates.InternalAggregatingState;
import io.eddy.state.InternalStates.InternalListState;
import io.eddy.state.InternalStates.InternalMapState;
import io.eddy.state.InternalStates.InternalValueState;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyGroupRangeAssignment;
import io.eddy.state.KeyGroupStreamSnapshot;
import io.eddy.state.VoidNamespace;
import io.eddy.state.timers.Timer;
import io.eddy.state.timers.TimerQueue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Snapshot, keep mutating, restore into backends owning parts of the range: the snapshot's moment comes back. */
class HeapSnapshotTest {
  private static final int MAX = 16;

  private static Map<Integer, byte[]> write(KeyGroupStreamSnapshot snapshot) throws IOException {
    Map<Integer, byte[]> groups = new HashMap<>();
    for (int kg = snapshot.keyGroupRange().startKeyGroup(); kg <= snapshot.keyGroupRange().endKeyGroup(); kg++) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      snapshot.writeKeyGroup(kg, new DataOutputStream(bytes));
      groups.put(kg, bytes.toByteArray());
    }
    snapshot.release();
    return groups;
  }

  @Test
  void snapshotIsTheStateAtItsMomentAndRestoresIntoSubRanges() throws Exception {
    HeapKeyedStateBackend<String> backend = new HeapKeyedStateBackend<>(KeyGroupRange.of(0, MAX - 1), MAX);
    InternalValueState<VoidNamespace, Long> value =
        backend.createValueState(VoidNamespace.SERIALIZER, new ValueStateDescriptor<>("v", Long.class));
    InternalListState<String, String> list =
        backend.createListState(TypeSerializers.of(String.class), new ListStateDescriptor<>("l", String.class));
    InternalMapState<VoidNamespace, String, Integer> map = backend.createMapState(VoidNamespace.SERIALIZER,
        new MapStateDescriptor<>("m", String.class, Integer.class));
    InternalAggregatingState<VoidNamespace, Long, Long> agg = backend.createAggregatingState(VoidNamespace.SERIALIZER,
        new AggregatingStateDescriptor<>("a", new HeapKeyedStateBackendTest.Avg2(), long[].class));
    TimerQueue<String, VoidNamespace> timers = backend.createTimerQueue("t", VoidNamespace.SERIALIZER);
    for (int i = 0; i < 200; i++) {
      String key = "k" + i;
      backend.setCurrentKey(key);
      value.update((long) i);
      list.setCurrentNamespace("w" + (i % 3));
      list.add("a" + i);
      map.put("x", i);
      agg.add((long) i);
      timers.add(new Timer<>(1000 + i, key, VoidNamespace.INSTANCE, backend.getCurrentKeyGroup()));
    }
    KeyGroupStreamSnapshot snapshot = (KeyGroupStreamSnapshot) backend.snapshot(1);
    for (int i = 0; i < 200; i++) { // mutate in place after the snapshot: must not leak into it
      backend.setCurrentKey("k" + i);
      list.setCurrentNamespace("w" + (i % 3));
      list.add("after");
      map.put("y", -1);
      agg.add(1_000_000L);
      value.update(-1L);
    }
    backend.setCurrentKey("new");
    value.update(5L);
    Map<Integer, byte[]> groups = write(snapshot);

    for (KeyGroupRange part : List.of(KeyGroupRange.of(0, 6), KeyGroupRange.of(7, 15))) {
      HeapKeyedStateBackend<String> restored = new HeapKeyedStateBackend<>(part, MAX);
      for (int kg = part.startKeyGroup(); kg <= part.endKeyGroup(); kg++) {
        restored.restoreKeyGroup(kg, new DataInputStream(new ByteArrayInputStream(groups.get(kg))));
      }
      var v = restored.createValueState(VoidNamespace.SERIALIZER, new ValueStateDescriptor<>("v", Long.class));
      var l = restored.createListState(TypeSerializers.of(String.class), new ListStateDescriptor<>("l", String.class));
      var m = restored.createMapState(VoidNamespace.SERIALIZER, new MapStateDescriptor<>("m", String.class, Integer.class));
      var a = restored.createAggregatingState(VoidNamespace.SERIALIZER,
          new AggregatingStateDescriptor<>("a", new HeapKeyedStateBackendTest.Avg2(), long[].class));
      int owned = 0;
      for (int i = 0; i < 200; i++) {
        String key = "k" + i;
        if (!part.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, MAX))) {
          continue;
        }
        owned++;
        restored.setCurrentKey(key);
        assertThat(v.value()).isEqualTo(i);
        l.setCurrentNamespace("w" + (i % 3));
        assertThat(l.get()).containsExactly("a" + i);
        assertThat(m.keys()).containsExactly("x");
        assertThat(a.get()).isEqualTo(i);
      }
      assertThat(owned).isPositive();
      assertThat(restored.getKeys("v", VoidNamespace.INSTANCE).count()).isEqualTo(owned);
      TimerQueue<String, VoidNamespace> t = restored.createTimerQueue("t", VoidNamespace.SERIALIZER);
      assertThat(t.size()).isEqualTo(owned);
    }
  }
}
