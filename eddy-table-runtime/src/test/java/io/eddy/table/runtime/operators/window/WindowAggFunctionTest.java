package io.eddy.table.runtime.operators.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.table.runtime.operators.RestoringHarness;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.aggregate.AggregateCall;
import io.eddy.table.runtime.operators.aggregate.Accumulators;
import io.eddy.table.runtime.operators.aggregate.Count;
import io.eddy.table.runtime.operators.aggregate.MinMax;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowAggFunctionTest {
  private static LocalDateTime at(long millis) {
    return WindowAggFunction.toTimestamp(millis);
  }

  private static RestoringHarness harness(WindowAssignment windows, boolean restore) throws Exception {
    Accumulators accs = new Accumulators(List.of(new AggregateCall("COUNT(*)", new Count(), -1, -1),
        new AggregateCall("MAX(v)", new MinMax(true, false), 1, -1)));
    return new RestoringHarness(s -> s.keyBy(new RowKeySelector(new int[] {0}))
        .process(new WindowAggFunction(windows, 2, accs)), restore);
  }

  /** Without restores between steps: a restored operator starts from no watermark, as in Flink. */
  @Test
  void tumblingWindowsFireAtTheWatermarkAndDropLateRows() throws Exception {
    RestoringHarness h = harness(new WindowAssignment.Tumble(10, 0), false);
    h.element(Row.of("a", 1L, at(1)), 1);
    h.element(Row.of("a", 7L, at(9)), 9);
    h.element(Row.of("b", 2L, at(12)), 12);
    h.watermark(9);
    h.element(Row.of("a", 100L, at(5)), 5);
    h.element(Row.of("a", 3L, at(15)), 15);
    h.watermark(Long.MAX_VALUE);
    assertThat(h.output()).extracting(Row::toString).containsExactlyInAnyOrder(
        "+I[a, 2, 7, 1970-01-01T00:00, 1970-01-01T00:00:00.010, 1970-01-01T00:00:00.009]",
        "+I[a, 1, 3, 1970-01-01T00:00:00.010, 1970-01-01T00:00:00.020, 1970-01-01T00:00:00.019]",
        "+I[b, 1, 2, 1970-01-01T00:00:00.010, 1970-01-01T00:00:00.020, 1970-01-01T00:00:00.019]");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void slidingWindowStateSurvivesRestores(boolean restore) throws Exception {
    RestoringHarness h = harness(new WindowAssignment.Hop(5, 10, 0), restore);
    h.element(Row.of("a", 1L, at(3)), 3);
    h.element(Row.of("a", 4L, at(7)), 7);
    h.element(Row.of("a", 2L, at(12)), 12);
    h.watermark(Long.MAX_VALUE);
    assertThat(h.output()).extracting(r -> r.getField(1) + "," + r.getField(2) + "," + r.getField(3)).containsExactly(
        "1,1,1969-12-31T23:59:59.995", "2,4,1970-01-01T00:00", "2,4,1970-01-01T00:00:00.005", "1,2,1970-01-01T00:00:00.010");
  }

  @Test
  void hopAndCumulateAssignTheirWindows() {
    List<Long> ends = new ArrayList<>();
    new WindowAssignment.Hop(2, 10, 0).assign(13, ends::add);
    assertThat(ends).containsExactly(22L, 20L, 18L, 16L, 14L);
    ends.clear();
    new WindowAssignment.Cumulate(2, 10, 0).assign(13, ends::add);
    assertThat(ends).containsExactly(14L, 16L, 18L, 20L);
    assertThat(new WindowAssignment.Cumulate(2, 10, 0).startOf(14)).isEqualTo(10);
    ends.clear();
    new WindowAssignment.Tumble(10, 0).assign(-3, ends::add);
    assertThat(ends).containsExactly(0L);
  }
}
