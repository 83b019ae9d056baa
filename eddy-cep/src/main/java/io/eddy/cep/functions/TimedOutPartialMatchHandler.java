package io.eddy.cep.functions;

import java.util.List;
import java.util.Map;

/**
 * Implemented by a {@link PatternProcessFunction} that wants the partial matches that timed out
 * (typically sent to a side output with {@code ctx.output}); {@code ctx.timestamp()} is when
 * the match timed out.
 */
public interface TimedOutPartialMatchHandler<IN> {
  void processTimedOutMatch(Map<String, List<IN>> match, PatternProcessFunction.Context ctx) throws Exception;
}
