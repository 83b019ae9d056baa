package io.eddy.table.runtime.operators.rank;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.table.runtime.operators.ChangelogModel;
import io.eddy.table.runtime.operators.RestoringHarness;
import io.eddy.table.runtime.operators.RowKeySelector;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DeduplicateFunctionTest {
  private static LocalDateTime at(int second) {
    return LocalDateTime.of(2015, 7, 15, 0, 0, second);
  }

  /** Rows [key, time, id]. */
  private static RestoringHarness harness(boolean keepLast, boolean rowtime, boolean restore) throws Exception {
    return new RestoringHarness(s -> s.keyBy(new RowKeySelector(new int[] {0}))
        .process(new DeduplicateFunction(keepLast, rowtime ? 1 : -1, true, Duration.ZERO)), restore);
  }

  @Test
  void rowtimeLastRowKeepsTheLatestTimeAndTheLaterArrivalOnTies() throws Exception {
    RestoringHarness h = harness(true, true, true);
    h.element(Row.of("a", at(5), 1), 0);
    h.element(Row.of("a", at(5), 2), 0);
    h.element(Row.of("a", at(3), 3), 0);
    h.element(Row.of("b", at(1), 4), 0);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        "+I[a, 2015-07-15T00:00:05, 1]",
        "-U[a, 2015-07-15T00:00:05, 1]", "+U[a, 2015-07-15T00:00:05, 2]",
        "+I[b, 2015-07-15T00:00:01, 4]");
  }

  @Test
  void proctimeFirstRowIsInsertOnly() throws Exception {
    RestoringHarness h = harness(false, false, true);
    h.element(Row.of("a", at(5), 1), 0);
    h.element(Row.of("a", at(1), 2), 0);
    assertThat(h.output()).extracting(Row::toString).containsExactly("+I[a, 2015-07-15T00:00:05, 1]");
  }

  /** Model: per key, the kept row is the first/last arrival (processing time) or the min/max time with Flink's tie rule. */
  @ParameterizedTest
  @CsvSource({"1, true, true, false", "2, false, true, true", "3, true, false, true", "4, false, false, false"})
  void randomRowsMatchTheModel(long seed, boolean keepLast, boolean rowtime, boolean restore) throws Exception {
    Random random = new Random(seed);
    RestoringHarness h = harness(keepLast, rowtime, restore);
    Map<String, Row> model = new LinkedHashMap<>();
    for (int i = 0; i < 200; i++) {
      Row row = Row.of("k" + random.nextInt(5), at(random.nextInt(10)), i);
      h.element(row, 0);
      Row previous = model.get((String) row.getField(0));
      int c = previous == null ? 0 : ((LocalDateTime) row.getField(1)).compareTo((LocalDateTime) previous.getField(1));
      boolean replace = previous == null || (rowtime ? (keepLast ? c >= 0 : c < 0) : keepLast);
      if (replace) {
        model.put((String) row.getField(0), row);
      }
    }
    assertThat(ChangelogModel.apply(h.output())).isEqualTo(ChangelogModel.of(new ArrayList<>(model.values())));
    if (!keepLast && !rowtime) {
      assertThat(h.output()).allMatch(r -> r.getKind() == io.eddy.api.types.RowKind.INSERT);
    }
  }
}
