package io.eddy.cep;

import static io.eddy.cep.Matches.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import io.eddy.cep.pattern.MalformedPatternException;
import io.eddy.cep.pattern.Pattern;
import io.eddy.cep.pattern.conditions.IterativeCondition;
import io.eddy.cep.pattern.conditions.SimpleCondition;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each element of the Pattern API against matches worked out by hand from Flink's documented
 * semantics (the examples of Flink's CEP documentation where it has them).
 */
class PatternSemanticsTest {

  private static SimpleCondition<String> type(String t) {
    return SimpleCondition.of(e -> is(e, t));
  }

  private static Pattern<String, String> a() {
    return Pattern.<String>begin("a").where(type("a"));
  }

  @Test
  void strictRelaxedAndNonDeterministicContiguity() throws Exception {
    // Flink docs: "a b" over a, c, b1, b2
    assertThat(Matches.of(a().next("b").where(type("b")), "a", "c", "b1", "b2")).isEmpty();
    assertThat(Matches.of(a().followedBy("b").where(type("b")), "a", "c", "b1", "b2")).containsExactly("a b1");
    assertThat(Matches.of(a().followedByAny("b").where(type("b")), "a", "c", "b1", "b2"))
        .containsExactlyInAnyOrder("a b1", "a b2");
  }

  @Test
  void loopWithRelaxedInnerContiguity() throws Exception {
    // a b+ c over a b1 b2 b3 c: the loop takes contiguous prefixes of the b's
    Pattern<String, ?> p = a().followedBy("b").where(type("b")).oneOrMore().followedBy("c").where(type("c"));
    assertThat(Matches.of(p, "a", "b1", "b2", "b3", "c"))
        .containsExactlyInAnyOrder("a b1 c", "a b1 b2 c", "a b1 b2 b3 c");
    // strict before the loop: b1 must follow a directly
    Pattern<String, ?> strict = a().next("b").where(type("b")).oneOrMore().followedBy("c").where(type("c"));
    assertThat(Matches.of(strict, "a", "b1", "b2", "b3", "c"))
        .containsExactlyInAnyOrder("a b1 c", "a b1 b2 c", "a b1 b2 b3 c");
    assertThat(Matches.of(strict, "a", "d", "b1", "c")).isEmpty();
  }

  @Test
  void consecutiveVersusRelaxedVersusCombinations() throws Exception {
    // Flink docs: C D A1 A2 A3 D A4 B, pattern c a+ b
    String[] input = {"c", "d", "a1", "a2", "a3", "d", "a4", "b"};
    Pattern<String, ?> relaxed = Pattern.<String>begin("start").where(type("c"))
        .followedBy("middle").where(type("a")).oneOrMore().followedBy("end").where(type("b"));
    assertThat(Matches.of(relaxed, input)).containsExactlyInAnyOrder(
        "c a1 b", "c a1 a2 b", "c a1 a2 a3 b", "c a1 a2 a3 a4 b");
    Pattern<String, ?> consecutive = Pattern.<String>begin("start").where(type("c"))
        .followedBy("middle").where(type("a")).oneOrMore().consecutive().followedBy("end").where(type("b"));
    assertThat(Matches.of(consecutive, input)).containsExactlyInAnyOrder("c a1 b", "c a1 a2 b", "c a1 a2 a3 b");
    Pattern<String, ?> combinations = Pattern.<String>begin("start").where(type("c"))
        .followedBy("middle").where(type("a")).oneOrMore().allowCombinations().followedBy("end").where(type("b"));
    assertThat(Matches.of(combinations, input)).containsExactlyInAnyOrder(
        "c a1 b", "c a1 a2 b", "c a1 a3 b", "c a1 a4 b", "c a1 a2 a3 b", "c a1 a2 a4 b", "c a1 a3 a4 b",
        "c a1 a2 a3 a4 b");
  }

  @Test
  void followedByAnyIntoACombinationsLoopTakesEverySubset() throws Exception {
    Pattern<String, ?> p = a().followedByAny("b").where(type("b")).oneOrMore().allowCombinations()
        .followedBy("c").where(type("c"));
    assertThat(Matches.of(p, "a", "b1", "b2", "b3", "c")).containsExactlyInAnyOrder(
        "a b1 c", "a b2 c", "a b3 c", "a b1 b2 c", "a b1 b3 c", "a b2 b3 c", "a b1 b2 b3 c");
  }

  @Test
  void greedyLoopTakesAllItCan() throws Exception {
    Pattern<String, ?> p = a().followedBy("b").where(type("b")).oneOrMore().greedy()
        .followedBy("c").where(type("c"));
    assertThat(Matches.of(p, "a", "b1", "b2", "b3", "c")).containsExactly("a b1 b2 b3 c");
  }

  @Test
  void optionalStepMayBeSkipped() throws Exception {
    Pattern<String, ?> p = a().followedBy("b").where(type("b")).optional().followedBy("c").where(type("c"));
    assertThat(Matches.of(p, "a", "b1", "c")).containsExactlyInAnyOrder("a b1 c", "a c");
    assertThat(Matches.of(p, "a", "c")).containsExactly("a c");
    // an optional loop
    Pattern<String, ?> loop = a().followedBy("b").where(type("b")).oneOrMore().optional()
        .followedBy("c").where(type("c"));
    assertThat(Matches.of(loop, "a", "b1", "b2", "c")).containsExactlyInAnyOrder("a c", "a b1 c", "a b1 b2 c");
  }

  @Test
  void optionalGreedyLoop() throws Exception {
    // greedy: once b's come, c may only follow after the loop took them all
    Pattern<String, ?> p = a().followedBy("b").where(type("b")).oneOrMore().optional().greedy()
        .followedBy("c").where(type("c"));
    assertThat(Matches.of(p, "a", "b1", "b2", "c")).containsExactly("a b1 b2 c");
    assertThat(Matches.of(p, "a", "c")).containsExactly("a c");
  }

  @Test
  void timesQuantifiers() throws Exception {
    String[] input = {"a", "b1", "b2", "b3", "c"};
    Pattern<String, ?> two = a().followedBy("b").where(type("b")).times(2).followedBy("c").where(type("c"));
    assertThat(Matches.of(two, input)).containsExactly("a b1 b2 c");
    Pattern<String, ?> oneToThree = a().followedBy("b").where(type("b")).times(1, 3)
        .followedBy("c").where(type("c"));
    assertThat(Matches.of(oneToThree, input)).containsExactlyInAnyOrder("a b1 c", "a b1 b2 c", "a b1 b2 b3 c");
    Pattern<String, ?> twoOrMore = a().followedBy("b").where(type("b")).timesOrMore(2)
        .followedBy("c").where(type("c"));
    assertThat(Matches.of(twoOrMore, input)).containsExactlyInAnyOrder("a b1 b2 c", "a b1 b2 b3 c");
    Pattern<String, ?> zeroToTwo = a().followedBy("b").where(type("b")).times(0, 2)
        .followedBy("c").where(type("c"));
    assertThat(Matches.of(zeroToTwo, "a", "b1", "b2", "c")).containsExactlyInAnyOrder("a c", "a b1 c", "a b1 b2 c");
    Pattern<String, ?> consecutiveTimes = a().followedBy("b").where(type("b")).times(2).consecutive()
        .followedBy("c").where(type("c"));
    assertThat(Matches.of(consecutiveTimes, "a", "b1", "d", "b2", "b3", "c")).isEmpty();
    assertThat(Matches.of(consecutiveTimes, "a", "d", "b1", "b2", "c")).containsExactly("a b1 b2 c");
  }

  @Test
  void negations() throws Exception {
    Pattern<String, ?> notNext = a().notNext("b").where(type("b")).followedBy("c").where(type("c"));
    assertThat(Matches.of(notNext, "a", "b1", "c")).isEmpty();
    assertThat(Matches.of(notNext, "a", "d", "b1", "c")).containsExactly("a c");
    Pattern<String, ?> notFollowedBy = a().notFollowedBy("b").where(type("b")).followedBy("c").where(type("c"));
    assertThat(Matches.of(notFollowedBy, "a", "d", "b1", "c")).isEmpty();
    assertThat(Matches.of(notFollowedBy, "a", "d", "c", "b1")).containsExactly("a c");
    // a notNext at the end: the event right after a must not be a b
    Pattern<String, ?> trailingNotNext = a().notNext("b").where(type("b"));
    assertThat(Matches.of(trailingNotNext, "a", "b1", "a2", "d")).containsExactly("a2");
  }

  @Test
  void trailingNotFollowedByNeedsWithinAndCompletesWhenTheWindowEnds() throws Exception {
    assertThatThrownBy(() -> Matches.of(a().notFollowedBy("b").where(type("b")), "a"))
        .isInstanceOf(MalformedPatternException.class).hasMessageContaining("within");
    Pattern<String, ?> p = a().notFollowedBy("b").where(type("b")).within(java.time.Duration.ofMillis(3));
    // a@1 then b@3 within the window: no match; a2@4, nothing bad before 7: match
    assertThat(Matches.of(p, "a", "d", "b", "a2", "d", "d", "d")).containsExactly("a2");
  }

  @Test
  void untilEndsTheLoop() throws Exception {
    Pattern<String, ?> p = a().followedBy("b").where(type("b")).oneOrMore().until(type("x"))
        .followedBy("c").where(type("c"));
    assertThat(Matches.of(p, "a", "b1", "b2", "x", "b3", "c")).containsExactlyInAnyOrder("a b1 c", "a b1 b2 c");
    assertThatThrownBy(() -> a().until(type("x"))).isInstanceOf(MalformedPatternException.class);
  }

  @Test
  void iterativeConditionSeesTheEventsAcceptedSoFar() throws Exception {
    // b's accepted only while their digits sum to at most 5
    Pattern<String, ?> p = a().followedBy("b").where(new DigitSumAtMost5()).oneOrMore().consecutive()
        .followedBy("c").where(type("c"));
    assertThat(Matches.of(p, "a", "b1", "b3", "b2", "c")).containsExactlyInAnyOrder("a b1 c", "a b1 b3 c");
  }

  /** Accepts a "b" while the digits of the b's of the match, this one included, sum to at most 5. */
  static final class DigitSumAtMost5 extends IterativeCondition<String> {
    @Override
    public boolean filter(String value, Context<String> ctx) throws Exception {
      if (!is(value, "b")) {
        return false;
      }
      int sum = Integer.parseInt(value.substring(1));
      for (String b : ctx.getEventsForPattern("b")) {
        sum += Integer.parseInt(b.substring(1));
      }
      return sum <= 5;
    }
  }

  @Test
  void orAndSubtype() throws Exception {
    Pattern<String, ?> or = a().followedBy("x").where(type("b")).or(type("d"));
    assertThat(Matches.of(or, "a", "c", "d1")).containsExactly("a d1");
    Pattern<String, ?> where2 = a().followedBy("x").where(type("b")).where(SimpleCondition.of(e -> e.endsWith("2")));
    assertThat(Matches.of(where2, "a", "b1", "b2")).containsExactly("a b2");
    Pattern<Object, ?> subtype = Pattern.begin("n").subtype(Integer.class).where(SimpleCondition.of(i -> i > 1));
    var h = io.eddy.runtime.testing.OneInputHarness.<Object, String>of(s -> CEP.pattern(s.keyBy(e -> 0), subtype)
        .select(m -> m.toString())).open();
    h.processElement("text", 1);
    h.processElement(1, 2);
    h.processElement(5, 3);
    h.endInput();
    assertThat(h.output()).containsExactly("{n=[5]}");
  }

  @Test
  void groupPatterns() throws Exception {
    Pattern<String, String> pair = Pattern.<String>begin("b").where(type("b")).next("c").where(type("c"));
    Pattern<String, ?> p = a().next(pair).times(2);
    assertThat(Matches.of(p, "a", "b1", "c1", "b2", "c2")).containsExactly("a b1 b2 c1 c2");
    // between the group's iterations the default inner contiguity is relaxed, consecutive() makes it strict
    assertThat(Matches.of(p, "a", "b1", "c1", "d", "b2", "c2")).containsExactly("a b1 b2 c1 c2");
    Pattern<String, ?> consecutive = a().next(pair).times(2).consecutive();
    assertThat(Matches.of(consecutive, "a", "b1", "c1", "d", "b2", "c2")).isEmpty();
    assertThat(Matches.of(consecutive, "a", "b1", "c1", "b2", "c2")).containsExactly("a b1 b2 c1 c2");
    Pattern<String, ?> begun = Pattern.begin(pair).followedBy("d").where(type("d"));
    assertThat(Matches.of(begun, "b1", "c1", "x", "d1")).containsExactly("b1 c1 d1");
  }

  @Test
  void withinTimesOutPartialMatches() throws Exception {
    Pattern<String, ?> p = a().followedBy("b").where(type("b")).within(java.time.Duration.ofMillis(3));
    var h = Matches.harnessRun(p, List.of("a", "d", "b1", "a2", "d", "d", "b2"));
    // a@1 b1@3: 2 < 3 ok; a2@4 b2@7: 3 >= 3, timed out at 4 + 3
    assertThat(h.output()).containsExactly("a b1");
    assertThat(h.sideOutput(Matches.TIMEOUTS)).containsExactly("a2@7");
  }

  @Test
  void withinPreviousAndCurrentBoundsTheGapBetweenEvents() throws Exception {
    Pattern<String, ?> p = a().followedBy("b").where(type("b")).oneOrMore().followedBy("c").where(type("c"))
        .within(java.time.Duration.ofMillis(3), io.eddy.cep.pattern.WithinType.PREVIOUS_AND_CURRENT);
    // c@6 is 3 after b2@3 (too late for "a b1 b2 c"), 2 after b3@4? no: b3@5 -> c@6 is 1 after
    assertThat(Matches.of(p, "a", "b1", "b2", "d", "b3", "c")).containsExactlyInAnyOrder("a b1 b2 b3 c");
  }

  @Test
  void skipStrategiesOnFlinksDocumentedExample() throws Exception {
    // Flink docs: b+ c (greedy) over b1 b2 b3 c
    String[] input = {"b1", "b2", "b3", "c"};
    assertThat(Matches.of(greedyBsThenC(AfterMatchSkipStrategy.noSkip()), input))
        .containsExactly("b1 b2 b3 c", "b2 b3 c", "b3 c");
    assertThat(Matches.of(greedyBsThenC(AfterMatchSkipStrategy.skipToNext()), input))
        .containsExactly("b1 b2 b3 c", "b2 b3 c", "b3 c");
    assertThat(Matches.of(greedyBsThenC(AfterMatchSkipStrategy.skipPastLastEvent()), input))
        .containsExactly("b1 b2 b3 c");
    assertThat(Matches.of(greedyBsThenC(AfterMatchSkipStrategy.skipToFirst("b")), input))
        .containsExactly("b1 b2 b3 c", "b2 b3 c", "b3 c");
    assertThat(Matches.of(greedyBsThenC(AfterMatchSkipStrategy.skipToLast("b")), input))
        .containsExactly("b1 b2 b3 c", "b3 c");
    // Flink docs: a b+ over a b1 b2 b3
    Pattern<String, ?> noSkip = a().followedBy("b").where(type("b")).oneOrMore();
    assertThat(Matches.of(noSkip, "a", "b1", "b2", "b3")).containsExactly("a b1", "a b1 b2", "a b1 b2 b3");
    Pattern<String, ?> skipToNext = Pattern.<String>begin("a", AfterMatchSkipStrategy.skipToNext()).where(type("a"))
        .followedBy("b").where(type("b")).oneOrMore();
    assertThat(Matches.of(skipToNext, "a", "b1", "b2", "b3")).containsExactly("a b1");
    assertThatThrownBy(() -> Matches.of(greedyBsThenC(AfterMatchSkipStrategy.skipToFirst("zz")), input))
        .isInstanceOf(MalformedPatternException.class);
  }

  @Test
  void skipToFirstOnFlinksSecondDocumentedExample() throws Exception {
    // Flink docs: (a | b | c) (b | c) c+.greedy d over a b c1 c2 c3 d
    String[] input = {"a", "b", "c1", "c2", "c3", "d"};
    assertThat(Matches.of(abcPattern(AfterMatchSkipStrategy.noSkip()), input))
        .containsExactly("a b c1 c2 c3 d", "b c1 c2 c3 d", "c1 c2 c3 d");
    assertThat(Matches.of(abcPattern(AfterMatchSkipStrategy.skipToFirst("c*")), input))
        .containsExactly("a b c1 c2 c3 d", "c1 c2 c3 d");
  }

  private static Pattern<String, ?> abcPattern(AfterMatchSkipStrategy skip) {
    return Pattern.<String>begin("a-or-b-or-c", skip).where(SimpleCondition.of(e -> e.matches("[abc].*")))
        .followedBy("b-or-c").where(SimpleCondition.of(e -> e.matches("[bc].*")))
        .followedBy("c*").where(type("c")).oneOrMore().greedy()
        .followedBy("d").where(type("d"));
  }

  /**
   * With a window, so that the loop runs still waiting for b's after c end at the end of input:
   * a skip strategy holds back matches that start after a partial match that may still complete.
   */
  private static Pattern<String, ?> greedyBsThenC(AfterMatchSkipStrategy skip) {
    return Pattern.<String>begin("b", skip).where(type("b")).oneOrMore().greedy().followedBy("c").where(type("c"))
        .within(java.time.Duration.ofMillis(100));
  }

  @Test
  void misuseIsReportedClearly() {
    assertThatThrownBy(() -> Matches.of(a().followedBy("a").where(type("a")), "a"))
        .isInstanceOf(MalformedPatternException.class).hasMessageContaining("Duplicate pattern name: a");
    assertThatThrownBy(() -> a().oneOrMore().times(2)).isInstanceOf(MalformedPatternException.class);
    assertThatThrownBy(() -> a().greedy()).isInstanceOf(MalformedPatternException.class);
    assertThatThrownBy(() -> a().oneOrMore().consecutive().allowCombinations())
        .isInstanceOf(MalformedPatternException.class);
    assertThatThrownBy(() -> a().optional().notNext("b")).isInstanceOf(UnsupportedOperationException.class);
  }
}
