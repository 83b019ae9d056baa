package io.eddy.sql.planner;

import java.util.List;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/**
 * Flink's built-in scalar functions that Calcite's standard table lacks, declared with Flink's
 * signatures and result types (TO_TIMESTAMP gives TIMESTAMP(3), UNIX_TIMESTAMP BIGINT, LOG's
 * base comes first, ...), plus the ones Calcite's function libraries declare as Flink does
 * (LPAD, LEFT, GREATEST, MD5, TRY_CAST, ...). Evaluated by {@code io.eddy.sql.codegen.BuiltinFunctions}.
 */
final class FlinkFunctions {
  private FlinkFunctions() {}

  private static final SqlReturnTypeInference STRING = ReturnTypes.explicit(SqlTypeName.VARCHAR)
      .andThen(SqlTypeTransforms.TO_NULLABLE);

  private static SqlFunction function(String name, SqlReturnTypeInference type, SqlOperandTypeChecker operands,
      SqlFunctionCategory category) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, type, null, operands, category);
  }

  private static SqlOperandTypeChecker stringAndOptionalFormat() {
    return OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER),
        OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER));
  }

  /** NOW(): the current timestamp, as CURRENT_TIMESTAMP. */
  static final SqlFunction NOW = currentTime("NOW", SqlTypeName.TIMESTAMP);

  /**
   * PROCTIME(): the wall-clock time when the row is read, TIMESTAMP_LTZ(3). A computed column of
   * it, or the call selected in a query, is a processing-time attribute (PhysicalNode#proctimeField):
   * windows, OVER aggregations and deduplications over it follow the task's clock, and a temporal
   * join AS OF it is a lookup join.
   */
  static final SqlFunction PROCTIME = currentTime("PROCTIME", SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);

  /** A niladic function of the time it is evaluated at, of type {@code type}(3). */
  private static SqlFunction currentTime(String name, SqlTypeName type) {
    return new SqlFunction(name, SqlKind.OTHER_FUNCTION, ReturnTypes.explicit(type, 3), null, OperandTypes.NILADIC,
        SqlFunctionCategory.TIMEDATE) {
      @Override
      public boolean isDeterministic() {
        return false;
      }

      @Override
      public boolean isDynamicFunction() {
        return true;
      }
    };
  }

  /** TO_TIMESTAMP(string [, format]): TIMESTAMP(3), NULL if the text does not parse. */
  static final SqlFunction TO_TIMESTAMP = function("TO_TIMESTAMP",
      ReturnTypes.explicit(SqlTypeName.TIMESTAMP, 3).andThen(SqlTypeTransforms.FORCE_NULLABLE),
      stringAndOptionalFormat(), SqlFunctionCategory.TIMEDATE);

  /** TO_DATE(string [, format]): DATE, NULL if the text does not parse. */
  static final SqlFunction TO_DATE = function("TO_DATE",
      ReturnTypes.explicit(SqlTypeName.DATE).andThen(SqlTypeTransforms.FORCE_NULLABLE), stringAndOptionalFormat(),
      SqlFunctionCategory.TIMEDATE);

  /** TO_TIMESTAMP_LTZ(epoch, precision): epoch seconds (0) or milliseconds (3) as TIMESTAMP_LTZ(3). */
  static final SqlFunction TO_TIMESTAMP_LTZ = function("TO_TIMESTAMP_LTZ",
      ReturnTypes.explicit(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3).andThen(SqlTypeTransforms.TO_NULLABLE),
      OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.INTEGER), SqlFunctionCategory.TIMEDATE);

  /** UNIX_TIMESTAMP() now, or UNIX_TIMESTAMP(string [, format]): epoch seconds. */
  static final SqlFunction UNIX_TIMESTAMP = new SqlFunction("UNIX_TIMESTAMP", SqlKind.OTHER_FUNCTION,
      ReturnTypes.BIGINT_NULLABLE, null, OperandTypes.or(OperandTypes.NILADIC, stringAndOptionalFormat()),
      SqlFunctionCategory.TIMEDATE) {
    @Override
    public boolean isDeterministic() {
      return false;
    }
  };

  /** FROM_UNIXTIME(seconds [, format]): the time as text, default 'yyyy-MM-dd HH:mm:ss'. */
  static final SqlFunction FROM_UNIXTIME = function("FROM_UNIXTIME", STRING,
      OperandTypes.or(OperandTypes.family(SqlTypeFamily.INTEGER),
          OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.CHARACTER)), SqlFunctionCategory.TIMEDATE);

  /** REGEXP(string, regex): whether some substring matches. */
  static final SqlFunction REGEXP = function("REGEXP", ReturnTypes.BOOLEAN_NULLABLE,
      OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER), SqlFunctionCategory.STRING);

  /** LOCATE(needle, haystack [, from]): 1-based position, 0 if absent. */
  static final SqlFunction LOCATE = function("LOCATE", ReturnTypes.INTEGER_NULLABLE,
      OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
          OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER)),
      SqlFunctionCategory.STRING);

  /** SUBSTR(string, from [, length]), as SUBSTRING. */
  static final SqlFunction SUBSTR = function("SUBSTR", STRING,
      OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER),
          OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER)),
      SqlFunctionCategory.STRING);

  /** LOG(x) natural, LOG(base, x). */
  static final SqlFunction LOG = function("LOG", ReturnTypes.DOUBLE_NULLABLE,
      OperandTypes.or(OperandTypes.NUMERIC, OperandTypes.NUMERIC_NUMERIC), SqlFunctionCategory.NUMERIC);

  /** ROUND(x [, d]) and TRUNCATE(x [, d]), typed as Flink types them: DECIMAL(p, s) to d places is DECIMAL(1 + p - s + d, d). */
  static final SqlFunction ROUND = function("ROUND", FlinkFunctions::roundedType,
      OperandTypes.or(OperandTypes.NUMERIC, OperandTypes.NUMERIC_INTEGER), SqlFunctionCategory.NUMERIC);
  static final SqlFunction TRUNCATE = function("TRUNCATE", FlinkFunctions::roundedType,
      OperandTypes.or(OperandTypes.NUMERIC, OperandTypes.NUMERIC_INTEGER), SqlFunctionCategory.NUMERIC);

  private static org.apache.calcite.rel.type.RelDataType roundedType(org.apache.calcite.sql.SqlOperatorBinding b) {
    org.apache.calcite.rel.type.RelDataType arg = b.getOperandType(0);
    if (arg.getSqlTypeName() != SqlTypeName.DECIMAL) {
      return arg;
    }
    int p = arg.getPrecision();
    int s = arg.getScale();
    Integer r = b.getOperandCount() < 2 ? Integer.valueOf(0) : b.getOperandLiteralValue(1, Integer.class);
    if (r == null || r >= s) {
      return arg;
    }
    org.apache.calcite.rel.type.RelDataType t = r < 0
        ? b.getTypeFactory().createSqlType(SqlTypeName.DECIMAL, Math.min(38, 1 + p - s), 0)
        : b.getTypeFactory().createSqlType(SqlTypeName.DECIMAL, 1 + p - s + r, r);
    return b.getTypeFactory().createTypeWithNullability(t, arg.isNullable());
  }

  /** BIN(integer): its two's complement bits as a string, as Long.toBinaryString. */
  static final SqlFunction BIN = function("BIN", STRING,
      OperandTypes.family(SqlTypeFamily.INTEGER), SqlFunctionCategory.STRING);

  /** HEX(integer or string): upper-case hexadecimal of the number, or of the string's UTF-8 bytes. */
  static final SqlFunction HEX = function("HEX", STRING, OperandTypes.or(OperandTypes.family(SqlTypeFamily.INTEGER),
      OperandTypes.family(SqlTypeFamily.CHARACTER)), SqlFunctionCategory.STRING);

  /** IFNULL(value, fallback). */
  static final SqlFunction IFNULL = function("IFNULL", ReturnTypes.LEAST_RESTRICTIVE.andThen(SqlTypeTransforms.LEAST_NULLABLE),
      OperandTypes.SAME_SAME, SqlFunctionCategory.SYSTEM);

  /** JSON_STRING(value): the value as JSON text (a string quoted, a number as it is), NULL for NULL. */
  static final SqlFunction JSON_STRING = function("JSON_STRING",
      ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.FORCE_NULLABLE), OperandTypes.ANY,
      SqlFunctionCategory.STRING);

  /** Every declaration of this class and the library functions Flink shares with Calcite. */
  static List<SqlOperator> all() {
    return List.of(NOW, PROCTIME, TO_TIMESTAMP, TO_DATE, TO_TIMESTAMP_LTZ, UNIX_TIMESTAMP, FROM_UNIXTIME, REGEXP, LOCATE, SUBSTR,
        LOG, ROUND, TRUNCATE, IFNULL, BIN, HEX, JSON_STRING,
        SqlLibraryOperators.LPAD, SqlLibraryOperators.RPAD, SqlLibraryOperators.LTRIM, SqlLibraryOperators.RTRIM,
        SqlLibraryOperators.LEFT, SqlLibraryOperators.RIGHT, SqlLibraryOperators.REPEAT, SqlLibraryOperators.REVERSE,
        SqlLibraryOperators.GREATEST, SqlLibraryOperators.LEAST, SqlLibraryOperators.CHR, SqlLibraryOperators.MD5,
        SqlLibraryOperators.SHA1, SqlLibraryOperators.SHA256, SqlLibraryOperators.TO_BASE64,
        SqlLibraryOperators.FROM_BASE64, SqlLibraryOperators.LOG2, SqlLibraryOperators.TRY_CAST);
  }
}
