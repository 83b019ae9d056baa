package io.eddy.table.runtime.operators.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.table.runtime.operators.RestoringHarness;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A standalone window table function over rows [id, time]. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WindowTableFunctionOperatorTest {
  private static LocalDateTime at(int second) {
    return LocalDateTime.of(2015, 7, 15, 0, 0, second);
  }

  @Test
  void hopEmitsARowPerWindowAndSkipsWindowsThatFired() throws Exception {
    RestoringHarness h = new RestoringHarness(s -> s.process(
        new WindowTableFunctionOperator(new WindowAssignment.Hop(5_000, 10_000, 0), 1)), false);
    h.element(Row.of(1, at(7)), 0);
    h.watermark(at(10).toInstant(ZoneOffset.UTC).toEpochMilli() - 1);
    h.element(Row.of(2, at(8)), 0);
    h.element(Row.of(3, null), 0);
    assertThat(h.output()).extracting(Row::toString).containsExactlyInAnyOrder(
        "+I[1, 2015-07-15T00:00:07, 2015-07-15T00:00, 2015-07-15T00:00:10, 2015-07-15T00:00:09.999]",
        "+I[1, 2015-07-15T00:00:07, 2015-07-15T00:00:05, 2015-07-15T00:00:15, 2015-07-15T00:00:14.999]",
        "+I[2, 2015-07-15T00:00:08, 2015-07-15T00:00:05, 2015-07-15T00:00:15, 2015-07-15T00:00:14.999]");
  }
}
