package io.eddy.table.runtime.operators.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.runtime.operators.ChangelogModel;
import io.eddy.table.runtime.operators.RestoringTwoInputHarness;
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
class SemiAntiJoinFunctionTest {
  /** Left [key, v], right [key, w]; residual v < w (fields 1 and 3 of the joined row). */
  private static final RowExpression V_LESS_THAN_W = row -> (Long) row.getField(1) < (Long) row.getField(3);

  private static RestoringTwoInputHarness harness(JoinType type, boolean restoreBetweenSteps) throws Exception {
    return new RestoringTwoInputHarness((a, b) -> a.connect(b)
        .keyBy(new RowKeySelector(new int[] {0}), new RowKeySelector(new int[] {0}))
        .process(new SemiAntiJoinFunction(type, V_LESS_THAN_W, Duration.ZERO)), restoreBetweenSteps);
  }

  @Test
  void semiJoinEmitsALeftRowWhileItHasAMatch() throws Exception {
    var h = harness(JoinType.SEMI, true);
    h.left(Row.of("a", 1L), 0);
    h.left(Row.of("a", 1L), 0);
    h.right(Row.of("a", 0L), 0);
    h.right(Row.of("a", 5L), 0);
    h.right(Row.of("a", 6L), 0);
    h.left(Row.of("a", 2L), 0);
    h.right(Row.ofKind(RowKind.DELETE, "a", 5L), 0);
    h.right(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 6L), 0);
    h.left(Row.ofKind(RowKind.DELETE, "a", 9L), 0);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        "+I[a, 1]", "+I[a, 1]",
        "+I[a, 2]",
        "-D[a, 1]", "-D[a, 1]", "-D[a, 2]");
  }

  @Test
  void antiJoinEmitsALeftRowWhileItHasNoMatch() throws Exception {
    var h = harness(JoinType.ANTI, true);
    h.left(Row.of("a", 1L), 0);
    h.right(Row.of("a", 0L), 0);
    h.right(Row.of("a", 5L), 0);
    h.right(Row.of("a", 5L), 0);
    h.right(Row.ofKind(RowKind.DELETE, "a", 5L), 0);
    h.right(Row.ofKind(RowKind.DELETE, "a", 5L), 0);
    h.left(Row.of("b", 3L), 0);
    h.left(Row.ofKind(RowKind.DELETE, "a", 1L), 0);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        "+I[a, 1]", "-D[a, 1]", "+I[a, 1]", "+I[b, 3]", "-D[a, 1]");
  }

  /**
   * Random inserts and retractions on both sides, restored between every two steps or never; the
   * applied changelog must equal the left rows (per copy) that have (semi) or have no (anti)
   * present partner, computed directly.
   */
  @ParameterizedTest
  @CsvSource({"1, SEMI, false", "2, ANTI, false", "3, SEMI, true", "4, ANTI, true"})
  void randomChangelogMatchesTheLeftRowsWithOrWithoutPartners(long seed, JoinType type, boolean restore)
      throws Exception {
    Random random = new Random(seed);
    var h = harness(type, restore);
    List<Row> lefts = new ArrayList<>();
    List<Row> rights = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
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
        h.left(change, 0);
      } else {
        h.right(change, 0);
      }
    }
    List<Row> expected = new ArrayList<>();
    for (Row l : lefts) {
      boolean any = rights.stream().anyMatch(r -> l.getField(0).equals(r.getField(0))
          && (Long) l.getField(1) < (Long) r.getField(1));
      if (any == (type == JoinType.SEMI)) {
        expected.add(l);
      }
    }
    assertThat(expected).as("the model keeps some rows").isNotEmpty();
    assertThat(ChangelogModel.apply(h.output())).isEqualTo(ChangelogModel.of(expected));
  }
}
