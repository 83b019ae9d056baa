package io.eddy.table.runtime.operators.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.runtime.testing.TwoInputHarness;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.runtime.operators.ChangelogModel;
import io.eddy.table.runtime.operators.RowKeySelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class JoinFunctionTest {
  /** Left [key, v], right [key, w]; residual v < w (fields 1 and 3 of the joined row). */
  private static final RowExpression V_LESS_THAN_W = row -> (Long) row.getField(1) < (Long) row.getField(3);

  private static TwoInputHarness<Row, Row, Row> harness(JoinType type) throws Exception {
    return TwoInputHarness.<Row, Row, Row>of((a, b) -> a.connect(b)
        .keyBy(new RowKeySelector(new int[] {0}), new RowKeySelector(new int[] {0}))
        .process(new JoinFunction(type, 2, 2, V_LESS_THAN_W, Duration.ZERO)));
  }

  @Test
  void innerJoinsPresentRowsAndRetractsMatchesWithTheResidualCondition() throws Exception {
    var h = harness(JoinType.INNER).open();
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

  @Test
  void leftOuterJoinRetractsThePaddedRowOnTheFirstMatchAndRestoresItAfterTheLast() throws Exception {
    var h = harness(JoinType.LEFT).open();
    h.processElement1(Row.of("a", 1L), 0);
    h.processElement2(Row.of("a", 0L), 0);
    h.processElement2(Row.of("a", 5L), 0);
    h.processElement2(Row.of("a", 6L), 0);
    h.processElement2(Row.ofKind(RowKind.DELETE, "a", 5L), 0);
    h.processElement2(Row.ofKind(RowKind.DELETE, "a", 6L), 0);
    h.processElement1(Row.ofKind(RowKind.DELETE, "a", 1L), 0);
    h.processElement2(Row.of("b", 3L), 0);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        "+I[a, 1, null, null]",
        "-D[a, 1, null, null]", "+I[a, 1, a, 5]",
        "+I[a, 1, a, 6]",
        "-D[a, 1, a, 5]",
        "-D[a, 1, a, 6]", "+I[a, 1, null, null]",
        "-D[a, 1, null, null]");
  }

  /**
   * Random inserts and retractions on both sides, with a snapshot and restore in the middle; the
   * applied changelog must equal the join of the present rows computed directly (matching pairs
   * per copy, unmatched rows of an outer side padded).
   */
  @ParameterizedTest
  @CsvSource({"1, INNER", "2, LEFT", "3, RIGHT", "4, FULL", "5, FULL"})
  void randomChangelogMatchesTheJoinOfPresentRows(long seed, JoinType type) throws Exception {
    Random random = new Random(seed);
    var h = harness(type).open();
    List<Row> output = new ArrayList<>();
    List<Row> lefts = new ArrayList<>();
    List<Row> rights = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      if (i == 200) {
        var snapshot = h.snapshot();
        output.addAll(h.output());
        h.close();
        h = harness(type).restore(snapshot).open();
      }
      boolean left = random.nextBoolean();
      List<Row> present = left ? lefts : rights;
      Row change;
      if (!present.isEmpty() && random.nextInt(3) == 0) {
        Row gone = present.remove(random.nextInt(present.size()));
        change = Row.copyWithKind(gone, random.nextBoolean() ? RowKind.DELETE : RowKind.UPDATE_BEFORE);
      } else {
        Row row = Row.of("k" + random.nextInt(3), (long) random.nextInt(6));
        present.add(row);
        change = Row.copyWithKind(row, random.nextBoolean() ? RowKind.INSERT : RowKind.UPDATE_AFTER);
      }
      if (left) {
        h.processElement1(change, 0);
      } else {
        h.processElement2(change, 0);
      }
    }
    output.addAll(h.output());
    List<Row> expected = new ArrayList<>();
    for (Row l : lefts) {
      boolean any = false;
      for (Row r : rights) {
        Row joined = Row.of(l.getField(0), l.getField(1), r.getField(0), r.getField(1));
        if (l.getField(0).equals(r.getField(0)) && Boolean.TRUE.equals(V_LESS_THAN_W.eval(joined))) {
          expected.add(joined);
          any = true;
        }
      }
      if (!any && type.isLeftOuter()) {
        expected.add(Row.of(l.getField(0), l.getField(1), null, null));
      }
    }
    for (Row r : type.isRightOuter() ? rights : List.<Row>of()) {
      boolean any = lefts.stream().anyMatch(l -> l.getField(0).equals(r.getField(0))
          && (Long) l.getField(1) < (Long) r.getField(1));
      if (!any) {
        expected.add(Row.of(null, null, r.getField(0), r.getField(1)));
      }
    }
    assertThat(ChangelogModel.apply(output)).isEqualTo(ChangelogModel.of(expected));
  }
}
