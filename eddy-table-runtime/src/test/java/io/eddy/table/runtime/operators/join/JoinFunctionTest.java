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

  /** The inputs' kinds the random test covers: each gives its side another {@link JoinSideState}. */
  enum Input {
    /** Any changes, duplicate rows too. */
    ANY(JoinInputSpec.noUniqueKey(false)),
    /** Unique key [v], the join key [key] does not contain it. */
    UNIQUE_V(JoinInputSpec.of(new int[] {1}, new int[] {0}, false)),
    /** Unique key [key]: one row per join key. */
    UNIQUE_KEY(JoinInputSpec.of(new int[] {0}, new int[] {0}, false)),
    /** Inserts only, duplicates too. */
    INSERT_ONLY(JoinInputSpec.noUniqueKey(true));

    final JoinInputSpec spec;

    Input(JoinInputSpec spec) {
      this.spec = spec;
    }

    /** Whether {@code row} may be added to a side of this kind holding {@code present}. */
    boolean admits(Row row, List<Row> present) {
      return switch (this) {
        case ANY, INSERT_ONLY -> true;
        case UNIQUE_V -> present.stream().noneMatch(p -> p.getField(1).equals(row.getField(1)));
        case UNIQUE_KEY -> present.stream().noneMatch(p -> p.getField(0).equals(row.getField(0)));
      };
    }
  }

  private static TwoInputHarness<Row, Row, Row> harness(JoinType type) throws Exception {
    return harness(type, Input.ANY, Input.ANY);
  }

  private static TwoInputHarness<Row, Row, Row> harness(JoinType type, Input left, Input right) throws Exception {
    return TwoInputHarness.<Row, Row, Row>of((a, b) -> a.connect(b)
        .keyBy(new RowKeySelector(new int[] {0}), new RowKeySelector(new int[] {0}))
        .process(new JoinFunction(type, 2, 2, left.spec, right.spec, V_LESS_THAN_W, Duration.ZERO)));
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
   * per copy, unmatched rows of an outer side padded). Each side's input is of a kind that picks
   * a state view: any changes, a unique key, a unique key within the join key, or inserts only.
   */
  @ParameterizedTest
  @CsvSource({"1, INNER, ANY, ANY", "2, LEFT, ANY, ANY", "3, RIGHT, ANY, ANY", "4, FULL, ANY, ANY",
      "5, FULL, ANY, ANY", "6, INNER, INSERT_ONLY, INSERT_ONLY", "7, LEFT, INSERT_ONLY, UNIQUE_V",
      "8, RIGHT, UNIQUE_KEY, INSERT_ONLY", "9, FULL, UNIQUE_V, UNIQUE_KEY", "10, INNER, UNIQUE_KEY, UNIQUE_V",
      "11, LEFT, UNIQUE_KEY, ANY", "12, FULL, INSERT_ONLY, UNIQUE_V"})
  void randomChangelogMatchesTheJoinOfPresentRows(long seed, JoinType type, Input leftInput, Input rightInput)
      throws Exception {
    Random random = new Random(seed);
    var h = harness(type, leftInput, rightInput).open();
    List<Row> output = new ArrayList<>();
    List<Row> lefts = new ArrayList<>();
    List<Row> rights = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      if (i == 200) {
        var snapshot = h.snapshot();
        output.addAll(h.output());
        h.close();
        h = harness(type, leftInput, rightInput).restore(snapshot).open();
      }
      boolean left = random.nextBoolean();
      List<Row> present = left ? lefts : rights;
      Input input = left ? leftInput : rightInput;
      Row change;
      Row candidate = Row.of("k" + random.nextInt(3), (long) random.nextInt(6));
      if (!present.isEmpty() && input != Input.INSERT_ONLY
          && (random.nextInt(3) == 0 || !input.admits(candidate, present))) {
        Row gone = present.remove(random.nextInt(present.size()));
        change = Row.copyWithKind(gone, random.nextBoolean() ? RowKind.DELETE : RowKind.UPDATE_BEFORE);
      } else if (input.admits(candidate, present)) {
        present.add(candidate);
        change = Row.copyWithKind(candidate, random.nextBoolean() ? RowKind.INSERT : RowKind.UPDATE_AFTER);
      } else {
        continue;
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
