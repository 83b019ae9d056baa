package io.eddy.cep;

import io.eddy.api.functions.Function;
import java.util.List;
import java.util.Map;

/** Turns each match into one result ({@code PatternStream.select}). */
@FunctionalInterface
public interface PatternSelectFunction<IN, OUT> extends Function {
  OUT select(Map<String, List<IN>> pattern) throws Exception;
}
