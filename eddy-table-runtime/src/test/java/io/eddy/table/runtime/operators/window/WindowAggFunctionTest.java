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

  private static RestoringHarness proctimeHarness(WindowAssignment windows, boolean fireAtEnd, boolean restore)
      throws Exception {
    Accumulators accs = new Accumulators(List.of(new AggregateCall("COUNT(*)", new Count(), -1, -1)));
    return new RestoringHarness(s -> s.keyBy(new RowKeySelector(new int[] {0}))
        .process(WindowAggFunction.processingTime(windows, accs, fireAtEnd)), restore);
  }

  /** The rows' own times and the watermark are ignored: the clock assigns and fires the windows. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void processingTimeWindowsFollowTheClock(boolean restore) throws Exception {
    RestoringHarness h = proctimeHarness(new WindowAssignment.Tumble(10, 0), false, restore);
    h.processingTime(3);
    h.element(Row.of("a", 1L, at(100)), 100);
    h.element(Row.of("b", 1L, at(-50)), -50);
    h.watermark(1_000);
    h.processingTime(8);
    h.element(Row.of("a", 1L, at(0)), 0);
    assertThat(h.output()).isEmpty();
    h.processingTime(10);
    h.element(Row.of("a", 1L, at(0)), 0);
    h.processingTime(25);
    assertThat(h.output()).extracting(Row::toString).containsExactlyInAnyOrder(
        "+I[a, 2, 1970-01-01T00:00, 1970-01-01T00:00:00.010, 1970-01-01T00:00:00.009]",
        "+I[b, 1, 1970-01-01T00:00, 1970-01-01T00:00:00.010, 1970-01-01T00:00:00.009]",
        "+I[a, 1, 1970-01-01T00:00:00.010, 1970-01-01T00:00:00.020, 1970-01-01T00:00:00.019]");
  }

  /** As in Flink the windows open when the input ends never fire, unless asked to fire then. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void processingTimeWindowsOpenAtTheEndOfInput(boolean fireAtEnd) throws Exception {
    RestoringHarness h = proctimeHarness(new WindowAssignment.Hop(5, 10, 0), fireAtEnd, true);
    h.processingTime(3);
    h.element(Row.of("a", 1L, at(0)), 0);
    h.processingTime(7);
    h.element(Row.of("a", 1L, at(0)), 0);
    h.element(Row.of("b", 1L, at(0)), 0);
    h.processingTime(12);
    h.endInput();
    assertThat(h.output()).extracting(r -> r.getField(0) + "," + r.getField(1) + "," + r.getField(3))
        .containsExactlyInAnyOrder(fireAtEnd
            ? new String[] {"a,1,1970-01-01T00:00:00.005", "a,2,1970-01-01T00:00:00.010", "a,1,1970-01-01T00:00:00.015",
                "b,1,1970-01-01T00:00:00.010", "b,1,1970-01-01T00:00:00.015"}
            : new String[] {"a,1,1970-01-01T00:00:00.005", "a,2,1970-01-01T00:00:00.010", "b,1,1970-01-01T00:00:00.010"});
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
