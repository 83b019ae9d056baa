package io.eddy.sql.planner;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's window table functions TUMBLE, HOP, CUMULATE and SESSION: Calcite's operand checking, and
 * Flink's output columns, the input's followed by {@code window_start}, {@code window_end} and
 * {@code window_time} (TIMESTAMP(3) NOT NULL; window_time = window_end - 1 ms).
 */
public final class WindowTableFunction extends SqlWindowTableFunction {
  public static final WindowTableFunction TUMBLE =
      new WindowTableFunction("TUMBLE", (SqlWindowTableFunction) SqlStdOperatorTable.TUMBLE);
  public static final WindowTableFunction HOP =
      new WindowTableFunction("HOP", (SqlWindowTableFunction) SqlStdOperatorTable.HOP);
  /** CUMULATE(TABLE t, DESCRIPTOR(ts), step, size [, offset]): HOP's operand shape. */
  public static final WindowTableFunction CUMULATE =
      new WindowTableFunction("CUMULATE", (SqlWindowTableFunction) SqlStdOperatorTable.HOP);
  /**
   * SESSION(TABLE t [PARTITION BY k], DESCRIPTOR(ts), gap), Flink 1.19's form, TUMBLE's operand
   * shape once {@link SessionSyntax} has taken the PARTITION BY off (sessions are per group key).
   */
  public static final WindowTableFunction SESSION =
      new WindowTableFunction("SESSION", (SqlWindowTableFunction) SqlStdOperatorTable.TUMBLE);

  private WindowTableFunction(String name, SqlWindowTableFunction operands) {
    super(name, operands.getOperandTypeChecker());
  }

  @Override
  public SqlOperandMetadata getOperandTypeChecker() {
    return (SqlOperandMetadata) super.getOperandTypeChecker();
  }

  @Override
  public SqlReturnTypeInference getRowTypeInference() {
    return WindowTableFunction::rowType;
  }

  private static RelDataType rowType(SqlOperatorBinding binding) {
    RelDataTypeFactory f = binding.getTypeFactory();
    RelDataType input = binding.getOperandType(0);
    RelDataType timestamp = f.createSqlType(SqlTypeName.TIMESTAMP, 3);
    return f.builder()
        .kind(input.getStructKind())
        .addAll(input.getFieldList())
        .add("window_start", timestamp)
        .add("window_end", timestamp)
        .add("window_time", timestamp)
        .build();
  }
}
