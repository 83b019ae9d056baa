package io.eddy.sql.codegen;

import org.apache.calcite.sql.fun.SqlTrimFunction;

/** SQL's SUBSTRING (1-based, clamped) and TRIM on Java strings. */
final class StringFunctions {
  private StringFunctions() {}

  static String substring(String s, int from, int length) {
    if (length < 0) {
      throw new IllegalArgumentException("SUBSTRING length must not be negative: " + length);
    }
    long start = from > 0 ? from - 1 : from == 0 ? 0 : Math.max(0, s.length() + from);
    long end = from > 0 || from < 0 ? start + length : (long) from - 1 + length;
    int b = (int) Math.min(Math.max(start, 0), s.length());
    int e = (int) Math.min(Math.max(end, b), s.length());
    return s.substring(b, e);
  }

  static String trim(SqlTrimFunction.Flag flag, String chars, String s) {
    int b = 0;
    int e = s.length();
    if (flag != SqlTrimFunction.Flag.TRAILING) {
      while (b < e && chars.indexOf(s.charAt(b)) >= 0) {
        b++;
      }
    }
    if (flag != SqlTrimFunction.Flag.LEADING) {
      while (e > b && chars.indexOf(s.charAt(e - 1)) >= 0) {
        e--;
      }
    }
    return s.substring(b, e);
  }
}
