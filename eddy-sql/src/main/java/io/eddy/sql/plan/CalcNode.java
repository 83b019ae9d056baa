package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.runtime.RowMemo;
import io.eddy.table.runtime.operators.calc.CalcFunction;
import io.eddy.table.runtime.operators.window.WindowAssignment;
import io.eddy.table.types.LogicalType;
import java.util.List;

/**
 * Filter and projection (Flink's Calc). Keeps the input's changelog mode; an upsert key
 * survives if every key field is projected unchanged ({@code forwarded[i]} is the input field
 * output i copies, or -1). A forwarded time attribute stays one, and so does a projected
 * {@code PROCTIME()} call ({@code proctime}, -1 if none), as in Flink.
 */
public final class CalcNode extends ForwardingNode {
  private final RowExpression condition;
  private final int[] conditionFields;
  private final List<RowExpression> projections;
  private final RowMemo memo;
  private final int[] forwarded;
  private final int proctime;
  private final String description;

  /**
   * {@code conditionFields} are the input fields {@code condition} reads (empty without one);
   * {@code memo} holds the subexpressions the expressions share (null if none); {@code proctime} is
   * the output field computing {@code PROCTIME()}, or -1.
   */
  public CalcNode(PhysicalNode input, LogicalType rowType, RowExpression condition, int[] conditionFields,
      List<RowExpression> projections, RowMemo memo, int[] forwarded, int proctime, String description) {
    super(List.of(input), rowType);
    this.condition = condition;
    this.conditionFields = conditionFields.clone();
    this.projections = List.copyOf(projections);
    this.memo = memo;
    this.forwarded = forwarded.clone();
    this.proctime = proctime;
    this.description = description;
  }

  /**
   * Flink's isNonUpsertKeyCondition: a condition that reads a field outside every upsert key of
   * the input (or an input without one) can keep one row of an update and drop the other. A
   * condition on the fields of one key decides alike for every version of a row, so the Calc
   * forwards an upsert stream.
   */
  @Override
  public boolean filtersUpdates() {
    return condition != null && input().upsertKeys().containing(conditionFields).isEmpty();
  }

  @Override
  public UpsertKeys upsertKeys() {
    return input().upsertKeys().project(forwarded);
  }

  @Override
  public int rowtimeField() {
    return forwardedAs(input().rowtimeField());
  }

  @Override
  public int proctimeField() {
    return proctime >= 0 ? proctime : forwardedAs(input().proctimeField());
  }

  @Override
  public int versionTimeField() {
    return forwardedAs(input().versionTimeField());
  }

  @Override
  public int[] windowBounds() {
    int[] bounds = input().windowBounds();
    if (bounds == null) {
      return null;
    }
    int start = forwardedAs(bounds[0]);
    int end = forwardedAs(bounds[1]);
    return start < 0 || end < 0 ? null : new int[] {start, end};
  }

  @Override
  public WindowAssignment windowing() {
    return windowBounds() == null ? null : input().windowing();
  }

  /** The output field forwarding input field {@code field} unchanged, or -1. */
  private int forwardedAs(int field) {
    for (int i = 0; field >= 0 && i < forwarded.length; i++) {
      if (forwarded[i] == field) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String name() {
    return "Calc";
  }

  @Override
  public String attributes() {
    return description;
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    DataStream<Row> in = context.streamOf(input());
    // Stateless: runs at its input's parallelism, so it chains (and keeps a source's order).
    return in.flatMap(new CalcFunction(condition, projections, memo)).name("Calc").setParallelism(in.getParallelism());
  }
}
