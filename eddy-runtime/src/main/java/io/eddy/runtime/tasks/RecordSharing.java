package io.eddy.runtime.tasks;

import io.eddy.api.functions.ReadOnlyRecords;
import io.eddy.api.graph.OperatorSpec;
import io.eddy.runtime.graph.StreamNode;

/**
 * Whether records may pass from one operator to the next without a copy: when both functions are
 * {@link ReadOnlyRecords} (neither changes a record once it exists). Otherwise the consumer gets
 * its own copy, as Flink's serialization or copying chain gives it.
 */
final class RecordSharing {
  private RecordSharing() {}

  static boolean mayShare(StreamNode producer, StreamNode consumer) {
    return function(producer.spec()) instanceof ReadOnlyRecords && function(consumer.spec()) instanceof ReadOnlyRecords;
  }

  /** The user function an operator runs (null for those without one, such as sources and sinks). */
  private static Object function(OperatorSpec spec) {
    return switch (spec) {
      case null -> null;
      case OperatorSpec.MapSpec s -> s.function();
      case OperatorSpec.FilterSpec s -> s.function();
      case OperatorSpec.FlatMapSpec s -> s.function();
      case OperatorSpec.ProcessSpec s -> s.function();
      case OperatorSpec.KeyedProcessSpec s -> s.function();
      case OperatorSpec.AsyncStateSpec s -> function(s.spec());
      case OperatorSpec.CoMapSpec s -> s.function();
      case OperatorSpec.CoFlatMapSpec s -> s.function();
      case OperatorSpec.CoProcessSpec s -> s.function();
      case OperatorSpec.KeyedCoProcessSpec s -> s.function();
      case OperatorSpec.IntervalJoinSpec s -> s.function();
      case OperatorSpec.CustomSpec s -> s.factory();
      // forwards each record; its timestamp assigner and generator read what the strategy promises
      case OperatorSpec.TimestampsAndWatermarksSpec s -> s.strategy();
      default -> null;
    };
  }
}
