package io.eddy.table.runtime.operators.rank;

import io.eddy.api.functions.ReadOnlyRecords;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.api.types.TypeSerializers;
import io.eddy.table.runtime.operators.StateTtl;
import java.time.Duration;

/**
 * Deduplication ({@code ROW_NUMBER() OVER (PARTITION BY k ORDER BY time) ... WHERE rn = 1}, Flink's
 * Deduplicate operators) on an insert-only stream keyed by the partition fields; one row per key
 * in value state.
 *
 * <ul>
 *   <li>Processing time ({@code rowtimeField} -1), first row: the first row of a key is emitted
 *       ({@code +I}), later ones are dropped; insert-only output.</li>
 *   <li>Processing time, last row: every row replaces the previous one: {@code +I} for the first,
 *       then {@code -U previous, +U row}.</li>
 *   <li>Event time (the TIMESTAMP field {@code rowtimeField}): a row replaces the kept one when
 *       it is at least as late (last row) or strictly earlier (first row), as Flink's
 *       RowTimeDeduplicateFunction; so with equal times the later arrival wins for last row and
 *       the earlier for first row.</li>
 * </ul>
 * {@code -U} rows are emitted only if {@code generateUpdateBefore}.
 */
public final class DeduplicateFunction extends KeyedProcessFunction<Row, Row, Row> implements ReadOnlyRecords {
  private static final long serialVersionUID = 1L;

  private final boolean keepLastRow;
  private final int rowtimeField;
  private final boolean generateUpdateBefore;
  private final Duration stateTtl;
  private transient ValueState<Row> kept;

  /** {@code rowtimeField} -1 for processing time; {@code stateTtl} zero for none. */
  public DeduplicateFunction(boolean keepLastRow, int rowtimeField, boolean generateUpdateBefore, Duration stateTtl) {
    this.keepLastRow = keepLastRow;
    this.rowtimeField = rowtimeField;
    this.generateUpdateBefore = generateUpdateBefore;
    this.stateTtl = stateTtl;
  }

  @Override
  public void open(OpenContext openContext) {
    kept = getRuntimeContext().getState(
        StateTtl.apply(new ValueStateDescriptor<>("kept-row", TypeSerializers.<Row>generic()), stateTtl));
  }

  @Override
  public void processElement(Row row, Context ctx, Collector<Row> out) throws Exception {
    if (row.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("Deduplicate got a " + row.getKind().shortString()
          + " row; its input must be insert-only: " + row);
    }
    Row previous = kept.value();
    if (previous == null) {
      kept.update(row);
      out.collect(row);
      return;
    }
    if (!replaces(row, previous)) {
      return;
    }
    kept.update(row);
    if (generateUpdateBefore) {
      out.collect(Row.copyWithKind(previous, RowKind.UPDATE_BEFORE));
    }
    out.collect(Row.copyWithKind(row, RowKind.UPDATE_AFTER));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private boolean replaces(Row row, Row previous) {
    if (rowtimeField < 0) {
      return keepLastRow;
    }
    Comparable time = (Comparable) row.getField(rowtimeField);
    Object previousTime = previous.getField(rowtimeField);
    if (time == null || previousTime == null) {
      return keepLastRow;
    }
    int c = time.compareTo(previousTime);
    return keepLastRow ? c >= 0 : c < 0;
  }
}
