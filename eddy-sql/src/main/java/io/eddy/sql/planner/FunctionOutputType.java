package io.eddy.sql.planner;

import io.eddy.sql.parser.StatementParser;
import io.eddy.table.functions.FunctionHint;
import io.eddy.table.functions.JavaTypes;
import io.eddy.table.types.LogicalType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * The output type a user table or aggregate function class declares, as Flink extracts it: the
 * {@link FunctionHint} on the class, else the class's first type argument to its base
 * ({@code TableFunction<T>}, {@code AggregateFunction<T, ACC>}) if that is a class with a SQL
 * type; null if neither tells.
 */
final class FunctionOutputType {
  private FunctionOutputType() {}

  static LogicalType of(Class<?> functionClass, Class<?> base) {
    FunctionHint hint = functionClass.getAnnotation(FunctionHint.class);
    if (hint != null) {
      return StatementParser.parseType(hint.output());
    }
    for (Class<?> c = functionClass; c != null; c = c.getSuperclass()) {
      Type s = c.getGenericSuperclass();
      if (s instanceof ParameterizedType p && p.getRawType() == base) {
        return p.getActualTypeArguments()[0] instanceof Class<?> arg ? JavaTypes.of(arg) : null;
      }
    }
    return null;
  }
}
