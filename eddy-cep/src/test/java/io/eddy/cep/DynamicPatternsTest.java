package io.eddy.cep;

import static io.eddy.cep.Matches.is;
import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.functions.Collector;
import io.eddy.cep.dynamic.DynamicPatternProcessFunction;
import io.eddy.cep.dynamic.PatternUpdate;
import io.eddy.cep.functions.PatternProcessFunction;
import io.eddy.cep.pattern.Pattern;
import io.eddy.cep.pattern.conditions.SimpleCondition;
import io.eddy.runtime.testing.HarnessSnapshot;
import io.eddy.runtime.testing.TwoInputHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Patterns added, replaced and removed while events flow: a replaced pattern's partial matches
 * are dropped (its old half-match never completes), the others keep matching, and the active
 * set and every pattern's partial matches survive a snapshot and restore. With the operator's state
 * cache evicting all the time, off, and at its default size (a replaced pattern's cached entries
 * must go with its stored ones).
 */
class DynamicPatternsTest {

  private static Pattern<String, ?> sequence(String first, String second) {
    return Pattern.<String>begin(first).where(SimpleCondition.of(e -> is(e, first)))
        .followedBy(second).where(SimpleCondition.of(e -> is(e, second)));
  }

  private static TwoInputHarness<String, PatternUpdate<String>, String> harness(HarnessSnapshot restored,
      String cacheSlots) throws Exception {
    TwoInputHarness<String, PatternUpdate<String>, String> h = TwoInputHarness.<String, PatternUpdate<String>, String>of(
        (events, updates) -> CEP.dynamicPatterns(events.keyBy(e -> e.substring(e.indexOf('@') + 1)), updates)
            .process(new Describe()))
        .configure("pipeline.cep.sharedbuffer.cache.event-slots", cacheSlots)
        .configure("pipeline.cep.sharedbuffer.cache.entry-slots", cacheSlots);
    return (restored == null ? h : h.restore(restored)).open();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "0", "1024"})
  void addReplaceAndRemovePatternsWhileRunning(String cacheSlots) throws Exception {
    var h = harness(null, cacheSlots);
    h.processElement2(PatternUpdate.of("p1", sequence("a", "b")), 0);
    h.processElement1("a1@k", 1);
    h.processElement1("b1@k", 2);
    h.processElement1("a2@x", 2);
    h.processWatermark(3);
    assertThat(h.output()).containsExactly("p1: a1@k b1@k");

    h.processElement1("a3@k", 4);
    h.processWatermark(5); // a3 is a partial match of p1 now
    h.processElement2(PatternUpdate.of("p1", sequence("a", "c")), 5);
    h.processElement2(PatternUpdate.of("p2", sequence("b", "c")), 5);
    h.processElement1("b2@k", 6);
    h.processElement1("b3@x", 6);
    h.processWatermark(6);
    HarnessSnapshot snapshot = h.snapshot();
    List<String> before = h.output();
    h.close();

    var restored = harness(snapshot, cacheSlots);
    restored.processElement1("c1@k", 7);
    restored.processElement1("a4@k", 8);
    restored.processElement1("c2@k", 9);
    restored.processElement1("c3@x", 9);
    restored.processWatermark(10);
    // p1 was replaced after a3: a3's partial match of the old p1 (a then b) is gone, and the new
    // p1 (a then c) only starts with a4; p2 saw b2 and b3 before the restore
    assertThat(before).containsExactly("p1: a1@k b1@k");
    assertThat(restored.output()).containsExactlyInAnyOrder("p2: b2@k c1@k", "p1: a4@k c2@k", "p2: b3@x c3@x");

    restored.clearOutput();
    restored.processElement2(PatternUpdate.remove("p2"), 10);
    restored.processElement1("b4@k", 11);
    restored.processElement1("a5@k", 12);
    restored.processElement1("c4@k", 13);
    restored.processWatermark(14);
    assertThat(restored.output()).containsExactly("p1: a5@k c4@k");
    restored.close();
  }

  @Test
  void eventsWithoutAnyActivePatternAreNotKept() throws Exception {
    var h = harness(null, "1024");
    h.processElement1("a1@k", 1);
    h.processElement2(PatternUpdate.of("p", sequence("a", "b")), 1);
    h.processElement1("b1@k", 2);
    h.processElement1("a2@k", 3);
    h.processElement1("b2@k", 4);
    h.processWatermark(5);
    assertThat(h.output()).containsExactly("p: a2@k b2@k");
  }

  /** "id: events". */
  static final class Describe extends DynamicPatternProcessFunction<String, String> {
    @Override
    public void processMatch(String patternId, Map<String, List<String>> match, PatternProcessFunction.Context ctx,
        Collector<String> out) {
      out.collect(patternId + ": " + Matches.describe(match));
    }
  }
}
