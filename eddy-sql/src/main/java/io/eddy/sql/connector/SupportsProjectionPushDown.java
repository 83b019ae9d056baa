package io.eddy.sql.connector;

/**
 * A {@link TableSource} that can read only some of the table's columns and nested fields, so that
 * a query reading a few fields of a wide or nested row does not build it (Flink's
 * SupportsProjectionPushDown with nested projection). The planner pushes the fields a scan's
 * consumers read into the source ({@link io.eddy.sql.planner.ProjectionPushDown}).
 */
public interface SupportsProjectionPushDown {
  /**
   * A source of flat rows of {@code paths} into the table's physical row, in that order: {@code {c}}
   * is column c, {@code {c, f}} nested field f of the ROW column c (NULL where column c is NULL);
   * or null if this source cannot read them.
   */
  TableSource applyProjection(int[][] paths);
}
