package io.eddy.table.runtime;

import io.eddy.api.types.RowKind;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The set of row kinds a changelog may contain (Flink's {@code ChangelogMode}): insert-only
 * ({@code [I]}), retract ({@code [I,UB,UA,D]}: every update as -U then +U) or upsert
 * ({@code [I,UA,D]}: updates by key without the before image). The planner infers one for every
 * operator's output and checks it against what the consumer accepts. Immutable.
 */
public final class ChangelogMode implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final ChangelogMode INSERT_ONLY = new ChangelogMode(EnumSet.of(RowKind.INSERT));
  private static final ChangelogMode ALL = new ChangelogMode(EnumSet.allOf(RowKind.class));
  private static final ChangelogMode UPSERT =
      new ChangelogMode(EnumSet.of(RowKind.INSERT, RowKind.UPDATE_AFTER, RowKind.DELETE));

  private final Set<RowKind> kinds;

  private ChangelogMode(Set<RowKind> kinds) {
    this.kinds = Set.copyOf(kinds);
  }

  public static ChangelogMode insertOnly() {
    return INSERT_ONLY;
  }

  /** Every kind: updates as -U/+U pairs. */
  public static ChangelogMode all() {
    return ALL;
  }

  /** +I, +U, -D: updates by key, no update-before. */
  public static ChangelogMode upsert() {
    return UPSERT;
  }

  public static ChangelogMode of(Set<RowKind> kinds) {
    return new ChangelogMode(kinds);
  }

  public boolean contains(RowKind kind) {
    return kinds.contains(kind);
  }

  public boolean containsOnly(RowKind kind) {
    return kinds.size() == 1 && kinds.contains(kind);
  }

  public boolean isInsertOnly() {
    return containsOnly(RowKind.INSERT);
  }

  public Set<RowKind> kinds() {
    return kinds;
  }

  /** The kinds of either changelog (a union of two inputs). */
  public ChangelogMode union(ChangelogMode other) {
    EnumSet<RowKind> both = EnumSet.copyOf(kinds);
    both.addAll(other.kinds);
    return new ChangelogMode(both);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChangelogMode m && kinds.equals(m.kinds);
  }

  @Override
  public int hashCode() {
    return kinds.hashCode();
  }

  /** Flink's explain notation: {@code [I]}, {@code [I,UB,UA,D]}, {@code [I,UA,D]}. */
  @Override
  public String toString() {
    return EnumSet.copyOf(kinds).stream().map(k -> switch (k) {
      case INSERT -> "I";
      case UPDATE_BEFORE -> "UB";
      case UPDATE_AFTER -> "UA";
      case DELETE -> "D";
    }).collect(Collectors.joining(",", "[", "]"));
  }
}
