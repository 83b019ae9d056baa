package io.eddy.cep.operator;

import java.util.List;
import java.util.Map;

/** Where a {@link PatternMatcher} sends what it finds, and how it asks for a timeout timer. */
interface MatchEmitter<IN> {
  void match(Map<String, List<IN>> match, long timestamp) throws Exception;

  void timedOut(Map<String, List<IN>> match, long timestamp) throws Exception;

  /** A run started at some time: wake the matcher at {@code time} to time it out. */
  void registerTimer(long time);
}
