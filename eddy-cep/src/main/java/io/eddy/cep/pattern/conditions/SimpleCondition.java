package io.eddy.cep.pattern.conditions;

import io.eddy.api.functions.FilterFunction;

/** A condition on the event alone, like a {@link FilterFunction}. */
public abstract class SimpleCondition<T> extends IterativeCondition<T> implements FilterFunction<T> {

  @Override
  public final boolean filter(T value, Context<T> ctx) throws Exception {
    return filter(value);
  }

  /** A condition from a filter, typically a lambda. */
  public static <T> SimpleCondition<T> of(FilterFunction<T> filter) {
    java.util.Objects.requireNonNull(filter, "filter");
    return new SimpleCondition<>() {
      @Override
      public boolean filter(T value) throws Exception {
        return filter.filter(value);
      }
    };
  }
}
