package io.eddy.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.state.BroadcastState;
import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.tuple.Tuple2;
import io.eddy.state.OperatorStateMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapOperatorStateStoreTest {
  private static final ListStateDescriptor<Long> SPLIT = new ListStateDescriptor<>("offsets", Long.class);
  private static final ListStateDescriptor<Long> UNION = new ListStateDescriptor<>("seen", Long.class);
  private static final MapStateDescriptor<String, Integer> RULES =
      new MapStateDescriptor<>("rules", String.class, Integer.class);

  @Test
  void snapshotNamesCarryTheModeAndRestoreGivesEachStateBack() throws Exception {
    HeapOperatorStateStore store = new HeapOperatorStateStore();
    store.getListState(SPLIT).add(1L);
    store.getUnionListState(UNION).addAll(List.of(2L, 3L));
    BroadcastState<String, Integer> rules = store.getBroadcastState(RULES);
    rules.put("b", 2);
    rules.put("a", 1);
    Map<String, List<Object>> entries = store.entries();
    assertThat(entries).containsOnlyKeys("offsets", "union:seen", "broadcast:rules");
    assertThat(entries.get("broadcast:rules")).containsExactly(Tuple2.of("b", 2), Tuple2.of("a", 1));

    HeapOperatorStateStore restored = new HeapOperatorStateStore();
    restored.restore(entries);
    assertThat(restored.getListState(SPLIT).get()).containsExactly(1L);
    assertThat(restored.getUnionListState(UNION).get()).containsExactly(2L, 3L);
    assertThat(restored.getBroadcastState(RULES).entries()).extracting(Map.Entry::getKey).containsExactly("b", "a");
    assertThat(restored.getRegisteredStateNames()).containsExactlyInAnyOrder("offsets", "seen");
    assertThat(restored.getRegisteredBroadcastStateNames()).containsExactly("rules");
  }

  @Test
  void restoredStatesNotAskedForAgainSurviveTheNextSnapshot() {
    HeapOperatorStateStore store = new HeapOperatorStateStore();
    store.restore(Map.of("union:seen", List.of(7L), "broadcast:rules", List.of(Tuple2.of("x", 1))));
    assertThat(store.entries()).containsOnlyKeys("union:seen", "broadcast:rules");
  }

  @Test
  void oneNameIsOneKindOfState() throws Exception {
    HeapOperatorStateStore store = new HeapOperatorStateStore();
    ListState<Long> list = store.getListState(SPLIT);
    list.add(5L);
    assertThat(store.getListState(SPLIT).get()).containsExactly(5L);
    assertThatThrownBy(() -> store.getUnionListState(SPLIT))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'offsets'").hasMessageContaining("union");
    assertThatThrownBy(() -> store.getBroadcastState(new MapStateDescriptor<>("offsets", String.class, Long.class)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("broadcast");
    store.getBroadcastState(RULES);
    assertThatThrownBy(() -> store.getListState(new ListStateDescriptor<>("rules", Long.class)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("is a broadcast state");
  }

  @Test
  void prefixesGoAfterTheModeMarker() {
    String name = OperatorStateMode.withPrefix("union:seen", "fn/");
    assertThat(name).isEqualTo("union:fn/seen");
    assertThat(OperatorStateMode.of(name)).isEqualTo(OperatorStateMode.UNION);
    assertThat(OperatorStateMode.hasPrefix(name, "fn/")).isTrue();
    assertThat(OperatorStateMode.withoutPrefix(name, "fn/")).isEqualTo("union:seen");
    assertThat(OperatorStateMode.withPrefix("offsets", "fn/")).isEqualTo("fn/offsets");
    assertThat(OperatorStateMode.of("fn/offsets")).isEqualTo(OperatorStateMode.SPLIT);
  }
}
