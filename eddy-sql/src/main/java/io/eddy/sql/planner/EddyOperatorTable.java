package io.eddy.sql.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSessionTableFunction;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.util.Optionality;

/**
 * The functions of Flink's dialect the validator knows: Calcite's standard operators, Flink's
 * window table functions in place of Calcite's TUMBLE/HOP, and Flink's built-ins Calcite lacks
 * (DATE_FORMAT, REGEXP_EXTRACT, SPLIT_INDEX, IF, ...) and its group aggregates FIRST_VALUE,
 * LAST_VALUE and LISTAGG. How each is evaluated is in
 * {@code io.eddy.sql.codegen.RexCompiler}.
 */
public final class EddyOperatorTable {
  private EddyOperatorTable() {}

  /** DATE_FORMAT(timestamp, 'pattern'): the timestamp as text in a SimpleDateFormat pattern. */
  public static final SqlFunction DATE_FORMAT = new SqlFunction("DATE_FORMAT", SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NULLABLE), null,
      OperandTypes.or(OperandTypes.family(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.CHARACTER),
          OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)),
      SqlFunctionCategory.TIMEDATE);

  /** REGEXP_EXTRACT(str, regex [, group]): the group's match, NULL if none. */
  public static final SqlFunction REGEXP_EXTRACT = new SqlFunction("REGEXP_EXTRACT", SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.FORCE_NULLABLE), null,
      OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
          OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER)),
      SqlFunctionCategory.STRING);

  /** SPLIT_INDEX(str, separator, index): the index-th (0-based) part, NULL if none. */
  public static final SqlFunction SPLIT_INDEX = new SqlFunction("SPLIT_INDEX", SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.FORCE_NULLABLE), null,
      OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER),
      SqlFunctionCategory.STRING);

  /** IF(condition, then, else). */
  public static final SqlFunction IF = new SqlFunction("IF", SqlKind.OTHER_FUNCTION,
      ((org.apache.calcite.sql.type.SqlReturnTypeInference) b -> b.getTypeFactory().leastRestrictive(
          List.of(b.getOperandType(1), b.getOperandType(2)))).andThen(SqlTypeTransforms.TO_NULLABLE), null,
      OperandTypes.family(SqlTypeFamily.BOOLEAN, SqlTypeFamily.ANY, SqlTypeFamily.ANY),
      SqlFunctionCategory.SYSTEM);

  /**
   * {@code SESSION_END(ts, gap)} of a session group window, written {@code $SESSION_END(SESSION_START(ts,
   * gap))} before validation ({@link SqlPlanner}) because Calcite converts both auxiliaries to the
   * group's window column; the planner reads the marked column as the window's end.
   */
  public static final SqlFunction SESSION_END = new SqlFunction("$SESSION_END", SqlKind.OTHER_FUNCTION,
      ReturnTypes.ARG0, null, OperandTypes.DATETIME, SqlFunctionCategory.TIMEDATE);

  /** FIRST_VALUE(x) as Flink's group aggregate (Calcite's is an OVER-only window function). */
  public static final SqlAggFunction FIRST_VALUE = valueAggregate(SqlKind.FIRST_VALUE);

  /** LAST_VALUE(x) as Flink's group aggregate. */
  public static final SqlAggFunction LAST_VALUE = valueAggregate(SqlKind.LAST_VALUE);

  /** LISTAGG(str [, separator]) as Flink types it: a nullable STRING whatever the argument's length. */
  public static final SqlAggFunction LISTAGG = new SqlAggFunction("LISTAGG", null, SqlKind.LISTAGG,
      ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.FORCE_NULLABLE), null,
      OperandTypes.or(OperandTypes.STRING, OperandTypes.STRING_STRING), SqlFunctionCategory.STRING,
      false, false, Optionality.FORBIDDEN) {};

  private static SqlAggFunction valueAggregate(SqlKind kind) {
    return new SqlAggFunction(kind.name(), null, kind, ReturnTypes.ARG0_FORCE_NULLABLE, null, OperandTypes.ANY,
        SqlFunctionCategory.SYSTEM, false, false, Optionality.FORBIDDEN) {};
  }

  /** The operator table for a session, with the user's functions first. */
  public static SqlOperatorTable create(SqlOperatorTable userFunctions) {
    List<SqlOperator> ops = new ArrayList<>();
    ops.add(WindowTableFunction.TUMBLE);
    ops.add(WindowTableFunction.HOP);
    ops.add(WindowTableFunction.CUMULATE);
    ops.add(WindowTableFunction.SESSION);
    ops.add(SESSION_END);
    ops.add(DATE_FORMAT);
    ops.add(REGEXP_EXTRACT);
    ops.add(SPLIT_INDEX);
    ops.add(IF);
    ops.add(FIRST_VALUE);
    ops.add(LAST_VALUE);
    ops.add(LISTAGG);
    ops.add(MatchFunctions.MATCH_ROWTIME);
    ops.add(SqlLibraryOperators.CONCAT_FUNCTION);
    ops.add(SqlLibraryOperators.CONCAT_WS);
    ops.add(SqlLibraryOperators.REGEXP_REPLACE_3);
    ops.addAll(FlinkFunctions.all());
    return SqlOperatorTables.chain(userFunctions, SqlOperatorTables.of(ops), new StandardWithoutReplaced());
  }

  /**
   * Calcite's standard operators minus the ones this table replaces (TUMBLE, HOP, SESSION, ROUND,
   * TRUNCATE, FIRST_VALUE, LAST_VALUE, LISTAGG).
   */
  private static final class StandardWithoutReplaced implements SqlOperatorTable {
    private static final java.util.Set<String> REPLACED = java.util.Set.of("TUMBLE", "HOP", "ROUND", "TRUNCATE",
        "FIRST_VALUE", "LAST_VALUE", "LISTAGG");
    private final SqlOperatorTable std = SqlStdOperatorTable.instance();

    @Override
    public void lookupOperatorOverloads(org.apache.calcite.sql.SqlIdentifier name, SqlFunctionCategory category,
        org.apache.calcite.sql.SqlSyntax syntax, List<SqlOperator> operators,
        org.apache.calcite.sql.validate.SqlNameMatcher nameMatcher) {
      List<SqlOperator> found = new ArrayList<>();
      std.lookupOperatorOverloads(name, category, syntax, found, nameMatcher);
      for (SqlOperator op : found) {
        if (!replaced(op)) {
          operators.add(op);
        }
      }
    }

    @Override
    public List<SqlOperator> getOperatorList() {
      return std.getOperatorList().stream()
          .filter(op -> !replaced(op)).toList();
    }

    private static boolean replaced(SqlOperator op) {
      return REPLACED.contains(op.getName()) || op instanceof SqlSessionTableFunction;
    }
  }
}
