package io.eddy.cep.functions;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.AbstractRichFunction;
import io.eddy.api.functions.Collector;
import io.eddy.cep.time.TimeContext;
import java.util.List;
import java.util.Map;

/**
 * Receives each match of a pattern: step name to the events it accepted, in pattern order.
 * Implement {@link TimedOutPartialMatchHandler} too to hear of partial matches that left their
 * {@code within} window. Runs on the task thread, keyed by the stream's key.
 */
public abstract class PatternProcessFunction<IN, OUT> extends AbstractRichFunction {

  public abstract void processMatch(Map<String, List<IN>> match, Context ctx, Collector<OUT> out) throws Exception;

  /** Time and side outputs while a match or timeout is handled. */
  public interface Context extends TimeContext {
    <X> void output(OutputTag<X> outputTag, X value);
  }
}
