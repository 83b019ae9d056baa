package io.eddy.table.runtime.operators.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.runtime.testing.TwoInputHarness;
import io.eddy.table.runtime.operators.RowKeySelector;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InnerJoinFunctionTest {
  @Test
  void joinsPresentRowsAndRetractsMatchesWithTheResidualCondition() throws Exception {
    // left [key, v], right [key, w]; residual: v < w (fields 1 and 3 of the joined row).
    var h = TwoInputHarness.<Row, Row, Row>of((a, b) -> a.connect(b)
        .keyBy(new RowKeySelector(new int[] {0}), new RowKeySelector(new int[] {0}))
        .process(new InnerJoinFunction(row -> (Long) row.getField(1) < (Long) row.getField(3), Duration.ZERO)))
        .open();
    h.processElement1(Row.of("a", 1L), 0);
    h.processElement2(Row.of("a", 5L), 0);
    h.processElement2(Row.of("a", 0L), 0);
    h.processElement2(Row.of("b", 9L), 0);
    h.processElement1(Row.of("a", 1L), 0);
    h.processElement2(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 5L), 0);
    h.processElement1(Row.ofKind(RowKind.DELETE, "a", 7L), 0);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        "+I[a, 1, a, 5]", "+I[a, 1, a, 5]", "-D[a, 1, a, 5]", "-D[a, 1, a, 5]");
  }
}
