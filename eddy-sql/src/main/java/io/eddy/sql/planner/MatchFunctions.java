package io.eddy.sql.planner;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's functions of MATCH_RECOGNIZE's MEASURES that Calcite lacks: {@code MATCH_ROWTIME()},
 * the time of the match (its last row's) as a rowtime attribute TIMESTAMP(3), and
 * {@code MATCH_ROWTIME(rowtime)}, the same typed as the given rowtime column (TIMESTAMP_LTZ(3)
 * for an LTZ rowtime). Evaluated by {@link MatchRule}.
 */
final class MatchFunctions {
  private MatchFunctions() {}

  private static final SqlReturnTypeInference ROWTIME_TYPE = b -> b.getOperandCount() == 1
      ? b.getTypeFactory().createTypeWithNullability(b.getOperandType(0), false)
      : b.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP, 3);

  static final SqlFunction MATCH_ROWTIME = new SqlFunction("MATCH_ROWTIME", SqlKind.OTHER_FUNCTION, ROWTIME_TYPE,
      null, OperandTypes.or(OperandTypes.NILADIC, OperandTypes.family(SqlTypeFamily.TIMESTAMP)),
      SqlFunctionCategory.MATCH_RECOGNIZE);
}
