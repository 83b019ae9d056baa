package io.eddy.table.runtime.operators.join;

/**
 * The kind of a join: which sides keep their rows that match nothing, padded with NULLs, or for a
 * semi (anti) join, the left rows that have (have no) partner, alone (IN, EXISTS and NOT EXISTS
 * subqueries).
 */
public enum JoinType {
  INNER(false, false, "InnerJoin"),
  LEFT(true, false, "LeftOuterJoin"),
  RIGHT(false, true, "RightOuterJoin"),
  FULL(true, true, "FullOuterJoin"),
  SEMI(false, false, "LeftSemiJoin"),
  ANTI(false, false, "LeftAntiJoin");

  private final boolean leftOuter;
  private final boolean rightOuter;
  private final String flinkName;

  JoinType(boolean leftOuter, boolean rightOuter, String flinkName) {
    this.leftOuter = leftOuter;
    this.rightOuter = rightOuter;
    this.flinkName = flinkName;
  }

  public boolean isLeftOuter() {
    return leftOuter;
  }

  public boolean isRightOuter() {
    return rightOuter;
  }

  /** True for a semi or anti join: its output is the left rows, without the right side's fields. */
  public boolean leftRowsOnly() {
    return this == SEMI || this == ANTI;
  }

  /** The name Flink's EXPLAIN gives it ({@code InnerJoin}, {@code LeftOuterJoin}, ...). */
  public String flinkName() {
    return flinkName;
  }
}
