package io.eddy.table.runtime.operators.join;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What the planner knows of one input of a regular join that decides how the join keeps its rows
 * (Flink's JoinInputSideSpec, plus whether the input is insert-only): the input's unique key
 * (field indices; null if none) and whether the join key contains it, so that at most one row
 * per join key is present. Immutable.
 */
public record JoinInputSpec(int[] uniqueKey, boolean joinKeyContainsUniqueKey, boolean insertOnly)
    implements Serializable {

  public JoinInputSpec {
    uniqueKey = uniqueKey == null ? null : uniqueKey.clone();
    if (joinKeyContainsUniqueKey && uniqueKey == null) {
      throw new IllegalArgumentException("a join key can only contain a unique key there is");
    }
  }

  /** The spec of an input with unique key {@code uniqueKey} (or null) joined on {@code joinKey}. */
  public static JoinInputSpec of(int[] uniqueKey, int[] joinKey, boolean insertOnly) {
    boolean contained = uniqueKey != null && uniqueKey.length > 0
        && Arrays.stream(uniqueKey).allMatch(f -> Arrays.stream(joinKey).anyMatch(k -> k == f));
    return new JoinInputSpec(uniqueKey == null || uniqueKey.length == 0 ? null : uniqueKey, contained, insertOnly);
  }

  /** An input without unique key. */
  public static JoinInputSpec noUniqueKey(boolean insertOnly) {
    return new JoinInputSpec(null, false, insertOnly);
  }

  /** Flink's name of the spec, as its plans show it. */
  public String flinkName() {
    return joinKeyContainsUniqueKey ? "JoinKeyContainsUniqueKey" : uniqueKey != null ? "HasUniqueKey" : "NoUniqueKey";
  }

  @Override
  public String toString() {
    return flinkName() + (uniqueKey == null ? "" : Arrays.toString(uniqueKey)) + (insertOnly ? ", insert-only" : "");
  }
}
