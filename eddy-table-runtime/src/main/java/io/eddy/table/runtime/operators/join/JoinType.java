package io.eddy.table.runtime.operators.join;

/** The kind of a regular join: which sides keep their rows that match nothing, padded with NULLs. */
public enum JoinType {
  INNER(false, false, "InnerJoin"),
  LEFT(true, false, "LeftOuterJoin"),
  RIGHT(false, true, "RightOuterJoin"),
  FULL(true, true, "FullOuterJoin");

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

  /** The name Flink's EXPLAIN gives it ({@code InnerJoin}, {@code LeftOuterJoin}, ...). */
  public String flinkName() {
    return flinkName;
  }
}
