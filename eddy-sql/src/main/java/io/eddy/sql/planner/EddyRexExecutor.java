package io.eddy.sql.planner;

import io.eddy.sql.codegen.RexCompiler;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Folds constant expressions at planning time with Eddy's own evaluation (the RexCompiler), as
 * Flink's ExpressionReducer folds them with its generated code, so that a folded constant has the
 * value the expression has at run time. Calcite's executor would, for one, truncate
 * {@code CAST('12.3456' AS DECIMAL(6, 2))} to 12.34 where Flink rounds to 12.35. An expression
 * that fails to evaluate, or whose value has no literal form, is left as it is (to be evaluated,
 * or to fail, at run time).
 */
final class EddyRexExecutor implements RexExecutor {
  static final EddyRexExecutor INSTANCE = new EddyRexExecutor();

  private EddyRexExecutor() {}

  @Override
  public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
    RexCompiler compiler = new RexCompiler(rexBuilder);
    for (RexNode e : constExps) {
      reducedValues.add(reduce(rexBuilder, compiler, e));
    }
  }

  private static RexNode reduce(RexBuilder rexBuilder, RexCompiler compiler, RexNode e) {
    Object value;
    try {
      value = compiler.compile(e).eval(null); // a constant reads no field of its row
    } catch (RuntimeException failed) {
      return e;
    }
    RexNode literal = literal(rexBuilder, value, e.getType());
    return literal == null ? e : literal;
  }

  /** {@code value} (in its row form) as a literal of {@code type}, or null if it has none here. */
  private static RexNode literal(RexBuilder rexBuilder, Object value, RelDataType type) {
    if (value == null) {
      return rexBuilder.makeNullLiteral(type);
    }
    Object calciteValue = switch (value) {
      case LocalDateTime t -> new TimestampString(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
          t.getMinute(), t.getSecond()).withNanos(t.getNano());
      case LocalDate d -> DateString.fromDaysSinceEpoch((int) d.toEpochDay());
      case LocalTime t -> new TimeString(t.getHour(), t.getMinute(), t.getSecond()).withNanos(t.getNano());
      case Number n -> n;
      case String s -> s;
      case Boolean b -> b;
      default -> null;
    };
    return calciteValue == null ? null : rexBuilder.makeLiteral(calciteValue, type, true);
  }
}
