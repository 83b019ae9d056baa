package io.eddy.table.runtime.operators.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.cep.CEP;
import io.eddy.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import io.eddy.cep.pattern.Pattern;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.runtime.operators.RestoringHarness;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.aggregate.Accumulators;
import io.eddy.table.runtime.operators.aggregate.AggregateCall;
import io.eddy.table.runtime.operators.aggregate.Sum;
import io.eddy.table.types.LogicalType;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MATCH_RECOGNIZE runtime (conditions and measures over eddy-cep's operator, as the planner
 * builds them for {@code PARTITION BY k ORDER BY ts MEASURES A.v, B.v, MATCH_ROWTIME(), SUM(v)
 * AFTER MATCH SKIP PAST LAST ROW PATTERN (A B) DEFINE A AS A.v < 5, B AS B.v > LAST(A.v)})
 * through the operator harness, also snapshotting and restoring the operator between every two
 * steps: hand-worked cases, and random rows and watermarks against a model.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MatchOperatorTest {
  private static LocalDateTime at(long millis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
        ZoneOffset.UTC);
  }

  /** Rows [k, v, ts]. */
  private static RestoringHarness harness(boolean restore, Duration within) throws Exception {
    RowExpression aBelowFive = row -> (Long) row.getField(0) < 5;
    RowExpression bAboveA = row -> row.getField(1) == null ? null : (Long) row.getField(0) > (Long) row.getField(1);
    Pattern<Row, Row> pattern = Pattern.<Row>begin("A", AfterMatchSkipStrategy.skipPastLastEvent())
        .where(new RowPatternCondition("A", List.of("A"), new MatchExpression(aBelowFive,
            new MatchInput[] {new MatchInput.Navigation("A", false, 0, 1)})))
        .next("B")
        .where(new RowPatternCondition("B", List.of("A", "B"), new MatchExpression(bAboveA,
            new MatchInput[] {new MatchInput.Navigation("B", false, 0, 1), new MatchInput.Navigation("A", false, 0, 1)})));
    Pattern<Row, Row> bounded = within == null ? pattern : pattern.within(within);
    Accumulators sum = new Accumulators(List.of(new AggregateCall("SUM(v)", new Sum(LogicalType.bigint()), 0, -1)));
    OneRowPerMatchFunction function = new OneRowPerMatchFunction(new int[] {0}, List.of("A", "B"), List.of(
        field(new MatchInput.Navigation("A", false, 0, 1)),
        field(new MatchInput.Navigation("B", false, 0, 1)),
        field(new MatchInput.MatchRowtime(false)),
        field(new MatchInput.Aggregate(MatchScope.ALL, sum, new RowExpression[] {row -> row.getField(1)}))));
    return new RestoringHarness(s -> CEP.pattern(s.keyBy(new RowKeySelector(new int[] {0})), bounded).process(function),
        restore);
  }

  private static MatchExpression field(MatchInput input) {
    return new MatchExpression(row -> row.getField(0), new MatchInput[] {input});
  }

  private static void row(RestoringHarness h, String k, long v, long ts) throws Exception {
    h.element(Row.of(k, v, at(ts)), ts);
  }

  private static List<String> shown(List<Row> rows) {
    return rows.stream().map(r -> r.getField(0) + ":" + r.getField(1) + "," + r.getField(2) + "@"
        + ((LocalDateTime) r.getField(3)).toInstant(ZoneOffset.UTC).toEpochMilli() + " sum " + r.getField(4)).toList();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void matchesInTimeOrderOnceTheWatermarkPassesIt(boolean restore) throws Exception {
    RestoringHarness h = harness(restore, null);
    row(h, "a", 7, 30);
    row(h, "a", 1, 10); // out of order: matched before the 7
    row(h, "b", 2, 10);
    row(h, "a", 3, 20);
    h.watermark(15);
    assertThat(h.output()).isEmpty();
    row(h, "b", 9, 16);
    h.watermark(40);
    assertThat(shown(h.output())).containsExactlyInAnyOrder("a:1,3@20 sum 4", "b:2,9@16 sum 11");
    row(h, "a", 4, 50);
    row(h, "a", 6, 51);
    h.watermark(Long.MAX_VALUE);
    assertThat(shown(h.output())).endsWith("a:4,6@51 sum 10");
  }

  /**
   * A row at or below the watermark is dropped (the restoring mode is left out: a restored
   * operator starts without a watermark, as Flink's does, until its input sends one).
   */
  @Test
  void dropsLateRows() throws Exception {
    RestoringHarness h = harness(false, null);
    row(h, "a", 1, 10);
    row(h, "a", 3, 20);
    h.watermark(15);
    row(h, "a", 0, 15); // late: dropped, so 1 and 3 stay a match
    h.watermark(Long.MAX_VALUE);
    assertThat(shown(h.output())).containsExactly("a:1,3@20 sum 4");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void withinDropsMatchesSpanningMoreThanTheInterval(boolean restore) throws Exception {
    RestoringHarness h = harness(restore, Duration.ofMillis(5));
    row(h, "a", 1, 10);
    row(h, "a", 2, 16);
    row(h, "a", 3, 20);
    h.watermark(Long.MAX_VALUE);
    assertThat(shown(h.output())).containsExactly("a:2,3@20 sum 5");
  }

  /**
   * Random rows (a few keys, values 0..9, timestamps partly out of order, some late unless
   * {@code withLateRows} is false) and watermarks; the model takes per key the rows that were not
   * late on arrival, in time order (arrival order for equal times), and scans them for an A
   * (v < 5) directly followed by a larger B, going on after the B.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void randomRowsMatchTheModel(boolean withLateRows) throws Exception {
    Random random = new Random(13);
    for (int round = 0; round < 20; round++) {
      List<RestoringHarness> harnesses = withLateRows ? List.of(harness(false, null))
          : List.of(harness(false, null), harness(true, null));
      Map<String, List<long[]>> accepted = new HashMap<>();
      long watermark = Long.MIN_VALUE;
      long arrival = 0;
      for (int i = 0; i < 40; i++) {
        if (random.nextInt(6) == 0) {
          watermark = Math.max(watermark, i * 10L - random.nextInt(40));
          for (RestoringHarness h : harnesses) {
            h.watermark(watermark);
          }
          continue;
        }
        String k = "k" + random.nextInt(3);
        long v = random.nextInt(10);
        long ts = Math.max(0, i * 10L - random.nextInt(60));
        if (!withLateRows) {
          ts = Math.max(ts, watermark + 1);
        }
        for (RestoringHarness h : harnesses) {
          row(h, k, v, ts);
        }
        if (ts > watermark) {
          accepted.computeIfAbsent(k, x -> new ArrayList<>()).add(new long[] {v, ts, arrival++});
        }
      }
      List<String> expected = new ArrayList<>();
      accepted.forEach((k, rows) -> {
        rows.sort(Comparator.<long[]>comparingLong(r -> r[1]).thenComparingLong(r -> r[2]));
        for (int i = 0; i + 1 < rows.size(); i++) {
          long[] a = rows.get(i);
          long[] b = rows.get(i + 1);
          if (a[0] < 5 && b[0] > a[0]) {
            expected.add(k + ":" + a[0] + "," + b[0] + "@" + b[1] + " sum " + (a[0] + b[0]));
            i++;
          }
        }
      });
      for (RestoringHarness h : harnesses) {
        h.watermark(Long.MAX_VALUE);
        assertThat(shown(h.output())).containsExactlyInAnyOrderElementsOf(expected);
      }
    }
  }
}
