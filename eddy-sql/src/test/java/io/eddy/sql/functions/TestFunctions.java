package io.eddy.sql.functions;

import io.eddy.api.types.Row;
import io.eddy.table.functions.FunctionContext;
import io.eddy.table.functions.FunctionHint;
import io.eddy.table.functions.ScalarFunction;
import io.eddy.table.functions.TableFunction;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;

/** User functions the SQL tests register with CREATE FUNCTION. */
public final class TestFunctions {
  private TestFunctions() {}

  /** Overloads: a number doubled (INT widens to long), a string repeated; NULL for a NULL long. */
  public static class Twice extends ScalarFunction {
    public long eval(long x) {
      return 2 * x;
    }

    public String eval(String s) {
      return s == null ? null : s + s;
    }
  }

  /** The identity on INT, counting its calls (all subtasks of a test's local job). */
  public static class Counted extends ScalarFunction {
    public static final AtomicLong CALLS = new AtomicLong();

    public int eval(int x) {
      CALLS.incrementAndGet();
      return x;
    }
  }

  /** A decimal with a declared type, and open() observed. */
  public static class Scaled extends ScalarFunction {
    private transient BigDecimal factor;

    @Override
    public void open(FunctionContext context) {
      factor = new BigDecimal("1.5");
    }

    @FunctionHint(output = "DECIMAL(10, 2)")
    public BigDecimal eval(Long x) {
      return x == null ? BigDecimal.ZERO : factor.multiply(BigDecimal.valueOf(x));
    }
  }

  /** Any number of strings joined by '-'. */
  public static class JoinAll extends ScalarFunction {
    public String eval(String... parts) {
      return String.join("-", parts);
    }
  }

  /** Each character of a string, as one column f0. */
  public static class Chars extends TableFunction<String> {
    public void eval(String s) {
      if (s != null) {
        for (char c : s.toCharArray()) {
          collect(String.valueOf(c));
        }
      }
    }
  }

  /** 0..n-1 with their squares, as rows of two columns. */
  @FunctionHint(output = "ROW<i INT, sq BIGINT>")
  public static class Range extends TableFunction<Row> {
    public void eval(long n) {
      for (int i = 0; i < n; i++) {
        collect(Row.of(i, (long) i * i));
      }
    }
  }

  /** Not a user function. */
  public static class NotAFunction {}
}
