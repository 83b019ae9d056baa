package io.eddy.sql.planner;

import io.eddy.sql.parser.StatementParser;
import io.eddy.table.functions.EvalMethod;
import io.eddy.table.functions.FunctionHint;
import io.eddy.table.functions.JavaTypes;
import io.eddy.table.functions.ScalarFunction;
import io.eddy.table.types.LogicalType;
import java.lang.reflect.Method;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;

/**
 * A user {@link ScalarFunction} as Calcite sees it: a call validates when one of the class's
 * {@code eval} overloads accepts its argument types ({@link EvalMethod#resolve}), and is typed
 * by that overload's return type, or by a {@link FunctionHint} on the method or class.
 */
public final class ScalarFunctionOperator extends SqlFunction {
  private final Class<? extends ScalarFunction> functionClass;

  public ScalarFunctionOperator(String name, Class<? extends ScalarFunction> functionClass) {
    super(name, SqlKind.OTHER_FUNCTION, ScalarFunctionOperator::returnType, null, new EvalOperandChecker(functionClass),
        SqlFunctionCategory.USER_DEFINED_FUNCTION);
    this.functionClass = functionClass;
    if (EvalMethod.candidates(functionClass).isEmpty()) {
      throw new IllegalArgumentException("Function class " + functionClass.getName()
          + " has no public method named eval");
    }
  }

  public Class<? extends ScalarFunction> functionClass() {
    return functionClass;
  }

  /** The eval overload for these argument types (the call validated, so there is one). */
  public EvalMethod resolve(List<LogicalType> argTypes) {
    EvalMethod m = EvalMethod.resolve(functionClass, argTypes);
    if (m == null) {
      throw new IllegalStateException("no eval method of " + functionClass.getName() + " takes " + argTypes);
    }
    return m;
  }

  /** The SQL type of the overload's result. */
  public static LogicalType resultType(Method method) {
    FunctionHint hint = method.getAnnotation(FunctionHint.class);
    if (hint == null) {
      hint = method.getDeclaringClass().getAnnotation(FunctionHint.class);
    }
    if (hint != null) {
      return StatementParser.parseType(hint.output());
    }
    LogicalType t = JavaTypes.of(method.getReturnType());
    if (t == null) {
      throw new IllegalArgumentException(method.toGenericString() + ": cannot tell the SQL type of "
          + method.getReturnType().getName() + "; declare it with @FunctionHint(output = \"...\")");
    }
    return t;
  }

  private static RelDataType returnType(SqlOperatorBinding binding) {
    ScalarFunctionOperator op = (ScalarFunctionOperator) binding.getOperator();
    LogicalType t = resultType(op.resolve(EvalOperandChecker.argTypes(binding)).method());
    return TypeConversion.toRelDataType(binding.getTypeFactory(), t);
  }
}
