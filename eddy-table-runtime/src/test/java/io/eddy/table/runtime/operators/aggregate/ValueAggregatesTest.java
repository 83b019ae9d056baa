package io.eddy.table.runtime.operators.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.table.runtime.operators.ChangelogModel;
import io.eddy.table.runtime.operators.RestoringHarness;
import io.eddy.table.runtime.operators.RowKeySelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FIRST_VALUE, LAST_VALUE and LISTAGG in a group aggregation, with and without retractions. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ValueAggregatesTest {

  /** FIRST_VALUE(v), LAST_VALUE(v), LISTAGG(v, '|') per key over rows [key, v]. */
  private static RestoringHarness harness(boolean restore, boolean retractions) throws Exception {
    Accumulators accs = new Accumulators(List.of(
        new AggregateCall("FIRST_VALUE(v)", new FirstLastValue(false, retractions), 1, -1),
        new AggregateCall("LAST_VALUE(v)", new FirstLastValue(true, retractions), 1, -1),
        new AggregateCall("LISTAGG(v, '|')", new ListAgg("|"), 1, -1)));
    return new RestoringHarness(s -> s.keyBy(new RowKeySelector(new int[] {0}))
        .process(new GroupAggFunction(new GroupAggregation(accs, true), Duration.ZERO)), restore);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void insertOnlyKeepsFirstAndLastNonNullValues(boolean restore) throws Exception {
    // an unchanged result is not emitted again (Flink's GroupAggFunction)
    RestoringHarness h = harness(restore, false);
    h.element(Row.of("a", null), 0);
    h.element(Row.of("a", "x"), 0);
    h.element(Row.of("a", "y"), 0);
    h.element(Row.of("a", null), 0);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        "+I[a, null, null, null]",
        "-U[a, null, null, null]", "+U[a, x, x, x]",
        "-U[a, x, x, x]", "+U[a, x, y, x|y]");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void retractionRemovesTheEarliestCopyOfItsValue(boolean restore) throws Exception {
    RestoringHarness h = harness(restore, true);
    h.element(Row.of("a", "x"), 0);
    h.element(Row.of("a", "y"), 0);
    h.element(Row.of("a", "x"), 0);
    h.element(Row.ofKind(RowKind.DELETE, "a", "x"), 0);
    h.element(Row.ofKind(RowKind.UPDATE_BEFORE, "a", "x"), 0);
    h.element(Row.ofKind(RowKind.DELETE, "a", "y"), 0);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        "+I[a, x, x, x]",
        "-U[a, x, x, x]", "+U[a, x, y, x|y]",
        "-U[a, x, y, x|y]", "+U[a, x, x, x|y|x]",
        "-U[a, x, x, x|y|x]", "+U[a, y, x, y|x]",
        "-U[a, y, x, y|x]", "+U[a, y, y, y]",
        "-D[a, y, y, y]");
  }

  /**
   * Random inserts and retractions of present rows against a model keeping each key's present
   * values in arrival order (a retraction removing the earliest copy of its value).
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void randomChangelogMatchesArrivalOrderModel(long seed) throws Exception {
    Random random = new Random(seed);
    RestoringHarness h = harness(seed == 2, true);
    List<Row> present = new ArrayList<>();
    Map<String, List<String>> model = new TreeMap<>();
    for (int i = 0; i < 300; i++) {
      if (!present.isEmpty() && random.nextInt(3) == 0) {
        Row gone = present.remove(random.nextInt(present.size()));
        model.get((String) gone.getField(0)).remove(gone.getField(1));
        h.element(Row.copyWithKind(gone, random.nextBoolean() ? RowKind.DELETE : RowKind.UPDATE_BEFORE), 0);
      } else {
        Row row = Row.of("k" + random.nextInt(4), random.nextInt(5) == 0 ? null : "v" + random.nextInt(6));
        present.add(row);
        model.computeIfAbsent((String) row.getField(0), k -> new ArrayList<>()).add((String) row.getField(1));
        h.element(Row.copyWithKind(row, random.nextBoolean() ? RowKind.INSERT : RowKind.UPDATE_AFTER), 0);
      }
    }
    Map<Row, Integer> expected = new HashMap<>();
    model.forEach((key, values) -> {
      if (!values.isEmpty()) {
        List<String> nonNull = values.stream().filter(v -> v != null).toList();
        expected.put(Row.of(key, nonNull.isEmpty() ? null : nonNull.get(0),
            nonNull.isEmpty() ? null : nonNull.get(nonNull.size() - 1),
            nonNull.isEmpty() ? null : String.join("|", nonNull)), 1);
      }
    });
    assertThat(ChangelogModel.apply(h.output())).isEqualTo(expected);
  }
}
