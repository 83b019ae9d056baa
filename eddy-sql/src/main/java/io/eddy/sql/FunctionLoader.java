package io.eddy.sql;

import io.eddy.sql.parser.Position;
import io.eddy.sql.parser.SqlParseException;
import io.eddy.table.functions.UserDefinedFunction;

/**
 * Loads the class of {@code CREATE FUNCTION name AS 'class.Name'} and checks it is a user
 * function with a public no-argument constructor, so a typo fails at CREATE, naming the class.
 */
final class FunctionLoader {
  private final ClassLoader classLoader;

  FunctionLoader(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  Class<? extends UserDefinedFunction> load(String className, Position at) {
    Class<?> c;
    try {
      c = Class.forName(className, true, classLoader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new SqlParseException(at.line(), at.column(), "Function class " + className + " not found"
          + (e instanceof LinkageError ? " (" + e + ")" : "; is its jar added (ADD JAR '<path>.jar')?"));
    }
    if (!UserDefinedFunction.class.isAssignableFrom(c)) {
      throw new SqlParseException(at.line(), at.column(), "Function class " + className
          + " must extend ScalarFunction, TableFunction or AggregateFunction (io.eddy.table.functions)");
    }
    try {
      c.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new SqlParseException(at.line(), at.column(), "Function class " + className
          + " needs a public constructor without arguments");
    }
    return c.asSubclass(UserDefinedFunction.class);
  }
}
