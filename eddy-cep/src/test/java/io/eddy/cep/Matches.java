package io.eddy.cep;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.Collector;
import io.eddy.cep.functions.PatternProcessFunction;
import io.eddy.cep.functions.TimedOutPartialMatchHandler;
import io.eddy.cep.pattern.Pattern;
import io.eddy.runtime.testing.OneInputHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test helpers: runs a pattern over named events ("a", "b1", ...) with timestamps 1, 2, ...
 * in one key through the real operator, and writes each match as its events joined by
 * spaces in pattern order (timeouts as "timeout: ...").
 */
final class Matches {
  static final OutputTag<String> TIMEOUTS = new OutputTag<>("timeouts");

  private Matches() {}

  /** The matches of {@code pattern} over {@code events}, in emission order. */
  static List<String> of(Pattern<String, ?> pattern, String... events) throws Exception {
    return harnessRun(pattern, List.of(events)).output();
  }

  static OneInputHarness<String, String> harness(Pattern<String, ?> pattern) throws Exception {
    return OneInputHarness.<String, String>of(s -> CEP.pattern(s.keyBy(e -> "k"), pattern).process(new Describe()))
        .open();
  }

  static OneInputHarness<String, String> harnessRun(Pattern<String, ?> pattern, List<String> events) throws Exception {
    OneInputHarness<String, String> h = harness(pattern);
    long ts = 1;
    for (String e : events) {
      h.processElement(e, ts++);
    }
    h.endInput();
    return h;
  }

  /** "b1" is a "b". */
  static boolean is(String event, String type) {
    return event.startsWith(type);
  }

  static String describe(Map<String, List<String>> match) {
    List<String> events = new ArrayList<>();
    match.values().forEach(events::addAll);
    return String.join(" ", events);
  }

  /** Writes matches to the output and timed-out partial matches to {@link #TIMEOUTS}. */
  static final class Describe extends PatternProcessFunction<String, String>
      implements TimedOutPartialMatchHandler<String> {
    @Override
    public void processMatch(Map<String, List<String>> match, Context ctx, Collector<String> out) {
      out.collect(describe(match));
    }

    @Override
    public void processTimedOutMatch(Map<String, List<String>> match, Context ctx) {
      ctx.output(TIMEOUTS, describe(match) + "@" + ctx.timestamp());
    }
  }
}
