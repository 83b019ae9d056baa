package io.eddy.sql.planner;

import io.eddy.sql.parser.StatementParser;
import io.eddy.table.functions.EvalMethod;
import io.eddy.table.functions.FunctionHint;
import io.eddy.table.functions.TableFunction;
import io.eddy.table.types.LogicalType;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;

/**
 * A user {@link TableFunction} as Calcite sees it, for {@code LATERAL TABLE(f(args))}: operands
 * checked against its eval overloads, and rows of the type in its {@link FunctionHint} (a ROW
 * type's fields, or one column {@code f0} of another type), else of the class's type argument
 * T (one column {@code f0}), as Flink types them.
 */
public final class TableFunctionOperator extends SqlFunction implements SqlTableFunction {
  private final Class<? extends TableFunction<?>> functionClass;
  private final LogicalType rowType;

  public TableFunctionOperator(String name, Class<? extends TableFunction<?>> functionClass) {
    super(name, SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, null, new EvalOperandChecker(functionClass),
        SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
    this.functionClass = functionClass;
    if (EvalMethod.candidates(functionClass).isEmpty()) {
      throw new IllegalArgumentException("Function class " + functionClass.getName() + " has no public method named eval");
    }
    this.rowType = outputRowType(functionClass);
  }

  public Class<? extends TableFunction<?>> functionClass() {
    return functionClass;
  }

  /** The ROW type of the function's output rows. */
  public LogicalType outputRowType() {
    return rowType;
  }

  /** Whether each collected value is the row's only column rather than a Row. */
  public boolean collectsValues() {
    return rowType.fieldCount() == 1 && rowType.fieldNames().get(0).equals("f0") && !declaresRow(functionClass);
  }

  public EvalMethod resolve(List<LogicalType> argTypes) {
    EvalMethod m = EvalMethod.resolve(functionClass, argTypes);
    if (m == null) {
      throw new IllegalStateException("no eval method of " + functionClass.getName() + " takes " + argTypes);
    }
    return m;
  }

  @Override
  public SqlReturnTypeInference getRowTypeInference() {
    return this::rowType;
  }

  private RelDataType rowType(SqlOperatorBinding binding) {
    return TypeConversion.toTableRowType(binding.getTypeFactory(), rowType);
  }

  private static boolean declaresRow(Class<?> functionClass) {
    FunctionHint hint = functionClass.getAnnotation(FunctionHint.class);
    return hint != null && StatementParser.parseType(hint.output()).root() == LogicalType.Root.ROW;
  }

  private static LogicalType outputRowType(Class<?> functionClass) {
    LogicalType t = FunctionOutputType.of(functionClass, TableFunction.class);
    if (t == null) {
      throw new IllegalArgumentException("Function class " + functionClass.getName()
          + ": cannot tell its output type; declare it with @FunctionHint(output = \"ROW<...>\")");
    }
    return t.root() == LogicalType.Root.ROW ? t : LogicalType.row(List.of("f0"), List.of(t));
  }
}
