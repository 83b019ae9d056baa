package io.eddy.cep.pattern.conditions;

import io.eddy.api.functions.Function;
import io.eddy.cep.time.TimeContext;

/**
 * Decides whether an event may be accepted by a pattern, possibly looking at the events the
 * partial match accepted so far ({@link Context#getEventsForPattern}). Conditions are evaluated
 * on the task thread, once per candidate transition; they must not keep per-match state.
 */
public abstract class IterativeCondition<T> implements Function {

  public abstract boolean filter(T value, Context<T> ctx) throws Exception;

  /** What a condition can see of the partial match it is evaluated for. */
  public interface Context<T> extends TimeContext {
    /** The events the partial match accepted for the pattern named {@code name}, in order. */
    Iterable<T> getEventsForPattern(String name) throws Exception;
  }
}
