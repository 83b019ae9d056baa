package io.eddy.cep.dynamic;

import io.eddy.api.functions.AbstractRichFunction;
import io.eddy.api.functions.Collector;
import io.eddy.cep.functions.PatternProcessFunction;
import java.util.List;
import java.util.Map;

/**
 * Receives the matches of the patterns of a dynamic pattern stream, with the id of the pattern
 * that matched; override {@link #processTimedOutMatch} to hear of timed-out partial matches.
 */
public abstract class DynamicPatternProcessFunction<IN, OUT> extends AbstractRichFunction {

  public abstract void processMatch(String patternId, Map<String, List<IN>> match,
      PatternProcessFunction.Context ctx, Collector<OUT> out) throws Exception;

  /** A partial match of {@code patternId} left its {@code within} window; ignored by default. */
  public void processTimedOutMatch(String patternId, Map<String, List<IN>> match, PatternProcessFunction.Context ctx)
      throws Exception {}
}
