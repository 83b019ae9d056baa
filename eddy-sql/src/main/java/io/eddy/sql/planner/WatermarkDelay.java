package io.eddy.sql.planner;

import java.math.BigDecimal;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Recognizes the watermark almost every table declares, bounded out-of-orderness: {@code
 * WATERMARK FOR ts AS ts - INTERVAL 'n' unit} (or {@code AS ts}). Its watermark follows from a
 * row's timestamp by a subtraction in milliseconds, so the source need not evaluate the expression
 * (and build a timestamp value) for every row.
 */
final class WatermarkDelay {
  private WatermarkDelay() {}

  /** The delay in milliseconds when {@code watermark} is {@code rowtime - interval} or {@code rowtime}; else null. */
  static Long of(RexNode watermark, int rowtimeField) {
    if (isRowtime(watermark, rowtimeField)) {
      return 0L;
    }
    if (watermark instanceof RexCall call && call.getKind() == SqlKind.MINUS && call.getOperands().size() == 2
        && isRowtime(call.getOperands().get(0), rowtimeField)
        && call.getOperands().get(1) instanceof RexLiteral interval && !interval.isNull()
        && interval.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME) {
      BigDecimal millis = interval.getValueAs(BigDecimal.class);
      return millis != null && millis.signum() >= 0 ? millis.longValueExact() : null;
    }
    return null;
  }

  private static boolean isRowtime(RexNode node, int rowtimeField) {
    return node instanceof RexInputRef ref && ref.getIndex() == rowtimeField;
  }
}
