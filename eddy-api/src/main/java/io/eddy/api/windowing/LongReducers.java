package io.eddy.api.windowing;

import io.eddy.api.functions.ReduceFunction;
import io.eddy.api.state.ReducingStateDescriptor;

/** The reducing states of the built-in triggers: a running sum (counts) or minimum (next fire time). */
final class LongReducers {
  private LongReducers() {}

  static ReducingStateDescriptor<Long> sum(String name) {
    return new ReducingStateDescriptor<>(name, (ReduceFunction<Long>) Long::sum, Long.class);
  }

  /** Merged windows keep the earliest of their pending fire times. */
  static ReducingStateDescriptor<Long> min(String name) {
    return new ReducingStateDescriptor<>(name, (ReduceFunction<Long>) Math::min, Long.class);
  }
}
