package io.eddy.sql.planner;

import io.eddy.table.functions.EvalMethod;
import io.eddy.table.functions.JavaTypes;
import io.eddy.table.types.LogicalType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;

/**
 * Operand checking of a user function's call: valid when one of its {@code eval} overloads (an
 * aggregate function's {@code accumulate} overloads, after the accumulator parameter) accepts
 * the argument types ({@link EvalMethod#resolve}); otherwise Calcite's error lists the overloads
 * as SQL signatures.
 */
record EvalOperandChecker(Class<?> functionClass, String method, int leading) implements SqlOperandTypeChecker {
  EvalOperandChecker(Class<?> functionClass) {
    this(functionClass, "eval", 0);
  }

  static List<LogicalType> argTypes(SqlOperatorBinding binding) {
    List<LogicalType> types = new ArrayList<>();
    for (int i = 0; i < binding.getOperandCount(); i++) {
      types.add(TypeConversion.toLogicalType(binding.getOperandType(i)));
    }
    return types;
  }

  @Override
  public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    if (EvalMethod.resolve(functionClass, method, leading, argTypes(binding)) != null) {
      return true;
    }
    if (throwOnFailure) {
      throw binding.newValidationSignatureError();
    }
    return false;
  }

  @Override
  public SqlOperandCountRange getOperandCountRange() {
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (Method m : EvalMethod.candidates(functionClass, method, leading)) {
      int fixed = (m.isVarArgs() ? m.getParameterCount() - 1 : m.getParameterCount()) - leading;
      min = Math.min(min, fixed);
      max = m.isVarArgs() || max < 0 ? -1 : Math.max(max, fixed);
    }
    return max < 0 ? SqlOperandCountRanges.from(min) : SqlOperandCountRanges.between(min, max);
  }

  @Override
  public String getAllowedSignatures(SqlOperator op, String opName) {
    List<String> lines = new ArrayList<>();
    for (Method m : EvalMethod.candidates(functionClass, method, leading)) {
      List<String> params = new ArrayList<>();
      Class<?>[] types = m.getParameterTypes();
      for (int i = leading; i < types.length; i++) {
        boolean varargs = m.isVarArgs() && i == types.length - 1;
        Class<?> p = varargs ? types[i].getComponentType() : types[i];
        LogicalType t = JavaTypes.of(p);
        params.add((t == null ? p.getSimpleName() : t.copy(true).toString()) + (varargs ? "..." : ""));
      }
      lines.add("'" + opName + "(" + String.join(", ", params) + ")'");
    }
    return String.join("\n", lines);
  }
}
