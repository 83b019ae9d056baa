package io.eddy.table.runtime.operators.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.table.runtime.operators.RestoringHarness;
import io.eddy.table.runtime.operators.RowKeySelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rows [upsertKey, primaryKey, value]: the materializer is keyed by field 1, the input's upsert key is field 0. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SinkUpsertMaterializerTest {
  private static RestoringHarness harness(int[] upsertKey, boolean restore) throws Exception {
    return new RestoringHarness(s -> s.keyBy(new RowKeySelector(new int[] {1}))
        .process(new SinkUpsertMaterializer(upsertKey, Duration.ZERO)), restore);
  }

  @Test
  void twoUpsertKeysOnOnePrimaryKeyShowTheLatestAddedOne() throws Exception {
    RestoringHarness h = harness(new int[] {0}, true);
    h.element(Row.of("a", 1, 10L), 0);
    h.element(Row.of("b", 1, 20L), 0);
    h.element(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1, 10L), 0);
    h.element(Row.ofKind(RowKind.UPDATE_AFTER, "a", 1, 11L), 0);
    h.element(Row.ofKind(RowKind.DELETE, "b", 1, 20L), 0);
    h.element(Row.ofKind(RowKind.DELETE, "a", 1, 11L), 0);
    h.element(Row.ofKind(RowKind.DELETE, "z", 1, 0L), 0);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        "+I[a, 1, 10]", "+U[b, 1, 20]",
        "+U[a, 1, 11]",
        "-D[a, 1, 11]");
  }

  @Test
  void withoutUpsertKeyEqualRowsAreKeptAsCopies() throws Exception {
    RestoringHarness h = harness(null, true);
    h.element(Row.of("a", 1, 10L), 0);
    h.element(Row.of("a", 1, 10L), 0);
    h.element(Row.ofKind(RowKind.DELETE, "a", 1, 10L), 0);
    h.element(Row.ofKind(RowKind.DELETE, "a", 1, 10L), 0);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        "+I[a, 1, 10]", "+U[a, 1, 10]", "-D[a, 1, 10]");
  }

  /**
   * A random retract changelog of rows identified by their upsert key, several upsert keys per
   * primary key, against a model: per primary key the present upsert keys in the order they were
   * last added (an update, -U then +U, moves its key to the end); the sink shows the row of the last one.
   * The materializer's output applied as upserts by primary key must equal it after every step.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void randomChangelogEndsAsTheModelSays(boolean restore) throws Exception {
    Random random = new Random(restore ? 7 : 8);
    RestoringHarness h = harness(new int[] {0}, restore);
    Map<String, Row> present = new HashMap<>();
    Map<Integer, LinkedHashMap<String, Row>> model = new HashMap<>();
    for (int step = 0; step < 300; step++) {
      String key = "k" + random.nextInt(8);
      int pk = key.hashCode() % 3;
      Row old = present.get(key);
      Row now = random.nextInt(4) == 0 ? null : Row.of(key, pk, (long) random.nextInt(5));
      if (old == null && now == null) {
        continue;
      }
      LinkedHashMap<String, Row> keys = model.computeIfAbsent(pk, p -> new LinkedHashMap<>());
      if (old != null) {
        h.element(Row.copyWithKind(old, now == null ? RowKind.DELETE : RowKind.UPDATE_BEFORE), step);
      }
      if (now != null) {
        h.element(Row.copyWithKind(now, old == null ? RowKind.INSERT : RowKind.UPDATE_AFTER), step);
        present.put(key, now);
        keys.remove(key);
        keys.put(key, now);
      } else {
        present.remove(key);
        keys.remove(key);
      }
    }
    Map<Integer, Row> shown = new HashMap<>();
    for (Row change : h.output()) {
      if (change.getKind() == RowKind.DELETE) {
        assertThat(shown.remove((Integer) change.getField(1))).isNotNull();
      } else {
        assertThat(change.getKind() == RowKind.INSERT).isEqualTo(!shown.containsKey((Integer) change.getField(1)));
        shown.put((Integer) change.getField(1), Row.copyWithKind(change, RowKind.INSERT));
      }
    }
    Map<Integer, Row> expected = new HashMap<>();
    model.forEach((pk, keys) -> {
      List<Row> rows = new ArrayList<>(keys.values());
      if (!rows.isEmpty()) {
        expected.put(pk, rows.get(rows.size() - 1));
      }
    });
    assertThat(shown).isEqualTo(expected);
  }
}
