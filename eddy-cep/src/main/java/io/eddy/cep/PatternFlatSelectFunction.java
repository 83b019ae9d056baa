package io.eddy.cep;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.Function;
import java.util.List;
import java.util.Map;

/** Turns each match into any number of results ({@code PatternStream.flatSelect}). */
@FunctionalInterface
public interface PatternFlatSelectFunction<IN, OUT> extends Function {
  void flatSelect(Map<String, List<IN>> pattern, Collector<OUT> out) throws Exception;
}
