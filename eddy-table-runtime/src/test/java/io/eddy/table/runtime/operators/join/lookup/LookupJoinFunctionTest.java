package io.eddy.table.runtime.operators.join.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.runtime.operators.RestoringHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lookup join operator alone, with a snapshot and restore between every two steps or not (it
 * has no state, so both must agree): probe rows [id, k, amount] joined with table rows [k, v] by
 * k, inner or left outer, with the extra condition amount > v where asked.
 */
class LookupJoinFunctionTest {
  private static final RowExpression KEY = row -> row.getField(1);
  private static final RowExpression AMOUNT_ABOVE_V = row -> row.getField(4) == null ? null
      : (Long) row.getField(2) > (Long) row.getField(4);

  private static RestoringHarness harness(LookupFunction lookup, boolean leftOuter, RowExpression condition,
      boolean restore) throws Exception {
    LookupJoinFunction join = new LookupJoinFunction(lookup, new RowExpression[] {KEY}, condition, leftOuter, 3, 2);
    return new RestoringHarness(s -> s.flatMap(join), restore);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void joinsEveryMatchKeepingTheProbeKind(boolean restore) throws Exception {
    MapLookupFunction table = new MapLookupFunction("hand" + restore,
        List.of(Row.of("a", 1L), Row.of("a", 2L), Row.of("b", 5L)));
    RestoringHarness inner = harness(table, false, null, restore);
    inner.element(Row.ofKind(RowKind.INSERT, 1L, "a", 9L), 0);
    inner.element(Row.ofKind(RowKind.INSERT, 2L, "c", 9L), 0);
    inner.element(Row.ofKind(RowKind.INSERT, 3L, null, 9L), 0);
    inner.element(Row.ofKind(RowKind.UPDATE_BEFORE, 1L, "a", 9L), 0);
    inner.element(Row.ofKind(RowKind.UPDATE_AFTER, 1L, "b", 3L), 0);
    inner.element(Row.ofKind(RowKind.DELETE, 1L, "b", 3L), 0);
    assertThat(inner.output()).extracting(Row::toString).containsExactly(
        "+I[1, a, 9, a, 1]", "+I[1, a, 9, a, 2]",
        "-U[1, a, 9, a, 1]", "-U[1, a, 9, a, 2]",
        "+U[1, b, 3, b, 5]", "-D[1, b, 3, b, 5]");
    assertThat(table.lookups()).isEqualTo(5); // none for the NULL key

    RestoringHarness left = harness(table, true, AMOUNT_ABOVE_V, restore);
    left.element(Row.ofKind(RowKind.INSERT, 1L, "a", 2L), 0);
    left.element(Row.ofKind(RowKind.INSERT, 2L, "b", 2L), 0);
    left.element(Row.ofKind(RowKind.INSERT, 3L, null, 2L), 0);
    left.element(Row.ofKind(RowKind.DELETE, 2L, "b", 2L), 0);
    assertThat(left.output()).extracting(Row::toString).containsExactly(
        "+I[1, a, 2, a, 1]", "+I[2, b, 2, null, null]", "+I[3, null, 2, null, null]", "-D[2, b, 2, null, null]");
  }

  /** Random changelogs of probe rows against a model: per row, the matching table rows passing the condition. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void randomChangelogsGiveTheModelsRows(int seed) throws Exception {
    Random random = new Random(seed);
    List<Row> tableRows = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      tableRows.add(Row.of("k" + random.nextInt(6), (long) random.nextInt(10)));
    }
    boolean leftOuter = seed % 2 == 0;
    boolean restore = seed > 2;
    MapLookupFunction table = new MapLookupFunction("random" + seed, tableRows);
    RestoringHarness h = harness(table, leftOuter, AMOUNT_ABOVE_V, restore);
    List<String> expected = new ArrayList<>();
    RowKind[] kinds = RowKind.values();
    for (long id = 0; id < 60; id++) {
      String k = random.nextInt(8) == 0 ? null : "k" + random.nextInt(8);
      Row probe = Row.ofKind(kinds[random.nextInt(kinds.length)], id, k, (long) random.nextInt(10));
      h.element(probe, id);
      boolean matched = false;
      for (Row t : tableRows) {
        if (k != null && Objects.equals(t.getField(0), k) && (Long) probe.getField(2) > (Long) t.getField(1)) {
          expected.add(Row.ofKind(probe.getKind(), id, k, probe.getField(2), t.getField(0), t.getField(1)).toString());
          matched = true;
        }
      }
      if (!matched && leftOuter) {
        expected.add(Row.ofKind(probe.getKind(), id, k, probe.getField(2), null, null).toString());
      }
    }
    assertThat(expected).hasSizeGreaterThan(10);
    assertThat(h.output()).extracting(Row::toString).containsExactlyElementsOf(expected);
  }
}
