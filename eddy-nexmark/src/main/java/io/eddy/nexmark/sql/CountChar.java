package io.eddy.nexmark.sql;

import io.eddy.nexmark.oracle.SqlFunctions;
import io.eddy.table.functions.ScalarFunction;

/** Nexmark's q14 UDF {@code count_char(s, c)}: occurrences of c's first character in s (0 for NULL s). */
public final class CountChar extends ScalarFunction {
  private static final long serialVersionUID = 1L;

  public long eval(String s, String c) {
    return c == null || c.isEmpty() ? 0 : SqlFunctions.countChar(s, c.charAt(0));
  }
}
