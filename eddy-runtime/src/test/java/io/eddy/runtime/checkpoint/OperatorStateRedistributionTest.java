package io.eddy.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.fs.MemoryFileSystem;
import io.eddy.api.tuple.Tuple2;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Restoring operator state at another parallelism, by mode: split lists are dealt round-robin
 * (each entry once), union lists go whole to every subtask, broadcast state gives subtask i
 * the copy of old subtask i mod old parallelism.
 */
class OperatorStateRedistributionTest {
  private final MemoryFileSystem fs = new MemoryFileSystem();

  /** A checkpoint of 3 subtasks: subtask s has split entries s0,s1; union entry u_s; broadcast copy {k:s}. */
  private RestoredState checkpoint() throws Exception {
    List<StateHandle> handles = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      String path = "chk-1/op-" + s + ".state";
      long size = StateFile.write(fs, path, "", new OperatorSnapshot(null, Map.of(
          "fn/split", List.of(s + "0", s + "1"),
          "union:fn/all", List.of("u" + s),
          "broadcast:bs/rules", List.of(Tuple2.of("k", s))))).stateSize();
      handles.add(new StateHandle(s, path, size, null));
    }
    return new RestoredState(new CheckpointMetadata(1, 0, "job", 128,
        Map.of("op", new CheckpointMetadata.OperatorState("op", "op", 3, handles))), fs);
  }

  @Test
  void scaleDownToTwo() throws Exception {
    RestoredState restored = checkpoint();
    Map<String, List<Object>> first = restored.lists("op", 0, 2);
    Map<String, List<Object>> second = restored.lists("op", 1, 2);
    List<Object> split = new ArrayList<>(first.get("fn/split"));
    split.addAll(second.get("fn/split"));
    assertThat(split).containsExactlyInAnyOrder("00", "01", "10", "11", "20", "21");
    assertThat(first.get("fn/split")).hasSize(3);
    assertThat(first.get("union:fn/all")).containsExactly("u0", "u1", "u2");
    assertThat(second.get("union:fn/all")).containsExactly("u0", "u1", "u2");
    assertThat(first.get("broadcast:bs/rules")).containsExactly(Tuple2.of("k", 0));
    assertThat(second.get("broadcast:bs/rules")).containsExactly(Tuple2.of("k", 1));
  }

  @Test
  void scaleUpToFive() throws Exception {
    RestoredState restored = checkpoint();
    int splitTotal = 0;
    for (int s = 0; s < 5; s++) {
      Map<String, List<Object>> mine = restored.lists("op", s, 5);
      splitTotal += mine.get("fn/split").size();
      assertThat(mine.get("union:fn/all")).containsExactly("u0", "u1", "u2");
      assertThat(mine.get("broadcast:bs/rules")).containsExactly(Tuple2.of("k", s % 3));
    }
    assertThat(splitTotal).isEqualTo(6);
  }

  @Test
  void everySubtaskGetsItsOwnCopyOfSharedEntries() throws Exception {
    RestoredState restored = checkpoint();
    Object a = restored.lists("op", 0, 2).get("union:fn/all").get(0);
    Object b = restored.lists("op", 1, 2).get("union:fn/all").get(0);
    assertThat(a).isEqualTo(b);
    Object ta = restored.lists("op", 0, 2).get("broadcast:bs/rules").get(0);
    Object tb = restored.lists("op", 0, 2).get("broadcast:bs/rules").get(0);
    assertThat(ta).isEqualTo(tb).isNotSameAs(tb);
  }
}
