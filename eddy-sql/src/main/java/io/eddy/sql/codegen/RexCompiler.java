package io.eddy.sql.codegen;

import io.eddy.api.types.Row;
import io.eddy.sql.planner.ScalarFunctionOperator;
import io.eddy.sql.planner.TypeConversion;
import io.eddy.table.functions.EvalMethod;
import io.eddy.table.functions.ScalarFunction;
import io.eddy.table.runtime.functions.ScalarFunctionCall;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.runtime.RowMemo;
import io.eddy.table.types.LogicalType;
import io.eddy.table.types.LogicalType.Root;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Compiles Calcite expressions over an input row ({@link RexNode}s whose input references are
 * the row's fields) into {@link RowExpression} trees of small closures: each node's operands are
 * compiled once, types are resolved at compile time, and evaluation is NULL-propagating with
 * SQL's three-valued logic for AND, OR, NOT and CASE. A construct without an implementation
 * fails at compile time (planning), naming it. Calls listed as shared are evaluated at most once
 * per row through a {@link RowMemo}. Thread-safe (stateless).
 */
public final class RexCompiler {
  private final RexBuilder rexBuilder;
  private final RowMemo memo;
  private final Map<RexNode, Integer> shared;

  public RexCompiler(RexBuilder rexBuilder) {
    this(rexBuilder, null, Map.of());
  }

  /** A compiler that memoizes each call of {@code shared} in its slot of {@code memo}. */
  public RexCompiler(RexBuilder rexBuilder, RowMemo memo, Map<RexNode, Integer> shared) {
    this.rexBuilder = rexBuilder;
    this.memo = memo;
    this.shared = Map.copyOf(shared);
  }

  public List<RowExpression> compile(List<RexNode> nodes) {
    List<RowExpression> out = new ArrayList<>();
    for (RexNode node : nodes) {
      out.add(compile(node));
    }
    return out;
  }

  public RowExpression compile(RexNode node) {
    return switch (node) {
      case RexInputRef ref -> RowExpression.field(ref.getIndex());
      case RexLiteral literal -> {
        Object value = literal(literal);
        yield row -> value;
      }
      case RexFieldAccess access -> {
        int index = access.getField().getIndex();
        if (access.getReferenceExpr() instanceof RexInputRef ref) { // a nested field of an input field: one step
          int field = ref.getIndex();
          yield row -> row.getField(field) instanceof Row nested ? nested.getField(index) : null;
        }
        RowExpression target = compile(access.getReferenceExpr());
        yield row -> target.eval(row) instanceof Row nested ? nested.getField(index) : null;
      }
      case RexCall call -> {
        Integer slot = shared.get(call);
        yield slot == null ? call(call) : memo.memoized(slot, call(call));
      }
      default -> throw unsupported(node.toString());
    };
  }

  /**
   * The row {@code x} when {@code operands} are {@code x.f0, ..., x.fn-1}, all of x's fields in
   * order ({@code ROW(t.a, t.b)} over a ROW(a, b) column, as a table's computed columns produce for
   * each nested column); else null.
   */
  private static RexNode rebuiltRow(List<RexNode> operands) {
    RexNode whole = null;
    for (int i = 0; i < operands.size(); i++) {
      if (!(operands.get(i) instanceof RexFieldAccess access) || access.getField().getIndex() != i) {
        return null;
      }
      RexNode target = access.getReferenceExpr();
      if (whole == null) {
        whole = target;
      } else if (!whole.equals(target)) {
        return null;
      }
    }
    return whole != null && whole.getType().getFieldCount() == operands.size() ? whole : null;
  }

  /**
   * {@code ROW(x.f0, ..., x.fn-1)} without copying x: the row x itself (rows are not changed once
   * made), or a row of n NULLs when x is NULL, as the constructor gives.
   */
  private static RowExpression wholeRow(RowExpression x, int arity) {
    return row -> {
      Object value = x.eval(row);
      return value != null ? value : Row.wrap(io.eddy.api.types.RowKind.INSERT, new Object[arity]);
    };
  }

  private static UnsupportedOperationException unsupported(String what) {
    return new UnsupportedOperationException("Unsupported in SQL expressions: " + what);
  }

  /** The Java value of a literal, in the form its type's values take in rows. */
  static Object literal(RexLiteral literal) {
    if (literal.isNull()) {
      return null;
    }
    if (literal.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.SYMBOL) {
      return literal.getValue(); // a time unit or flag, read by its function at compile time
    }
    LogicalType type = TypeConversion.toLogicalType(literal.getType());
    return switch (type.root()) {
      case BOOLEAN -> literal.getValueAs(Boolean.class);
      case TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, DECIMAL ->
          Values.cast(literal.getValueAs(BigDecimal.class), type);
      case CHAR, VARCHAR -> literal.getValueAs(String.class);
      case DATE -> LocalDate.parse(literal.getValueAs(DateString.class).toString());
      case TIME -> LocalTime.parse(literal.getValueAs(TimeString.class).toString());
      case TIMESTAMP -> Values.cast(literal.getValueAs(TimestampString.class).toString(), type);
      case INTERVAL_DAY_TIME -> literal.getValueAs(BigDecimal.class).longValueExact();
      case INTERVAL_YEAR_MONTH -> literal.getValueAs(BigDecimal.class).intValueExact();
      default -> literal.getValue3();
    };
  }

  private RowExpression call(RexCall call) {
    if (call.getOperator().getName().equals("JSON_TYPE")) {
      // FORMAT JSON around a nested JSON_OBJECT/JSON_ARRAY (type ANY): its text, nested by the parent
      return compile(call.getOperands().get(0));
    }
    LogicalType type = TypeConversion.toLogicalType(call.getType());
    List<RexNode> ops = call.getOperands();
    SqlKind kind = call.getKind();
    switch (kind) {
      case SEARCH:
        return compile(RexUtil.expandSearch(rexBuilder, null, call));
      case AND: {
        RowExpression[] args = compileAll(ops);
        return row -> {
          boolean unknown = false;
          for (RowExpression a : args) {
            Object v = a.eval(row);
            if (v == null) {
              unknown = true;
            } else if (!(Boolean) v) {
              return false;
            }
          }
          return unknown ? null : true;
        };
      }
      case OR: {
        RowExpression[] args = compileAll(ops);
        return row -> {
          boolean unknown = false;
          for (RowExpression a : args) {
            Object v = a.eval(row);
            if (v == null) {
              unknown = true;
            } else if ((Boolean) v) {
              return true;
            }
          }
          return unknown ? null : false;
        };
      }
      case NOT: {
        RowExpression a = compile(ops.get(0));
        return row -> a.eval(row) instanceof Boolean b ? !b : null;
      }
      case IS_NULL: {
        RowExpression a = compile(ops.get(0));
        return row -> a.eval(row) == null;
      }
      case IS_NOT_NULL: {
        RowExpression a = compile(ops.get(0));
        return row -> a.eval(row) != null;
      }
      case IS_TRUE: {
        RowExpression a = compile(ops.get(0));
        return row -> Boolean.TRUE.equals(a.eval(row));
      }
      case IS_NOT_TRUE: {
        RowExpression a = compile(ops.get(0));
        return row -> !Boolean.TRUE.equals(a.eval(row));
      }
      case IS_FALSE: {
        RowExpression a = compile(ops.get(0));
        return row -> Boolean.FALSE.equals(a.eval(row));
      }
      case IS_NOT_FALSE: {
        RowExpression a = compile(ops.get(0));
        return row -> !Boolean.FALSE.equals(a.eval(row));
      }
      case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL: {
        if (ops.get(1) instanceof RexLiteral literal && !literal.isNull()) {
          return comparisonWithConstant(kind, compile(ops.get(0)), literal(literal));
        }
        return comparison(kind, compile(ops.get(0)), compile(ops.get(1)));
      }
      case IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM: {
        RowExpression a = compile(ops.get(0));
        RowExpression b = compile(ops.get(1));
        boolean distinct = kind == SqlKind.IS_DISTINCT_FROM;
        return row -> {
          Object x = a.eval(row);
          Object y = b.eval(row);
          boolean same = x == null ? y == null : y != null && Values.equal(x, y);
          return distinct != same;
        };
      }
      case CASE: {
        RowExpression[] args = compileAll(ops);
        return row -> {
          int i = 0;
          for (; i + 1 < args.length; i += 2) {
            if (Boolean.TRUE.equals(args[i].eval(row))) {
              return args[i + 1].eval(row);
            }
          }
          return i < args.length ? args[i].eval(row) : null;
        };
      }
      case COALESCE: {
        RowExpression[] args = compileAll(ops);
        return row -> {
          for (RowExpression a : args) {
            Object v = a.eval(row);
            if (v != null) {
              return v;
            }
          }
          return null;
        };
      }
      case CAST: {
        RowExpression a = compile(ops.get(0));
        LogicalType from = TypeConversion.toLogicalType(ops.get(0).getType());
        if (from.root() == type.root() && (type.root() != Root.DECIMAL || from.scale() == type.scale())
            && (!type.isString() || type.precision() >= from.precision())
            && (type.root() != Root.TIMESTAMP || type.precision() >= from.precision())) {
          return a; // values of the source type already are values of the target type
        }
        return row -> {
          Object v = a.eval(row);
          return v == null ? null : Values.cast(v, from, type);
        };
      }
      case SAFE_CAST: { // Flink's TRY_CAST: NULL where CAST fails
        RowExpression a = compile(ops.get(0));
        LogicalType from = TypeConversion.toLogicalType(ops.get(0).getType());
        return row -> {
          Object v = a.eval(row);
          try {
            return v == null ? null : Values.cast(v, from, type);
          } catch (RuntimeException e) {
            return null;
          }
        };
      }
      case PLUS, MINUS, TIMES, DIVIDE, MOD:
        return arithmetic(kind, call, type);
      case REINTERPRET: {
        RowExpression a = compile(ops.get(0));
        return strict1(a, v -> v instanceof Number n && type.isNumeric() ? Values.cast(n, type) : v);
      }
      case MINUS_PREFIX: {
        RowExpression a = compile(ops.get(0));
        return strict1(a, v -> Arithmetic.negate(v, type));
      }
      case PLUS_PREFIX:
        return compile(ops.get(0));
      case ROW: {
        RexNode whole = rebuiltRow(ops);
        if (whole != null) {
          return wholeRow(compile(whole), ops.size());
        }
        RowExpression[] args = compileAll(ops);
        return row -> {
          Object[] fields = new Object[args.length];
          for (int i = 0; i < args.length; i++) {
            fields[i] = args[i].eval(row);
          }
          return Row.wrap(io.eddy.api.types.RowKind.INSERT, fields);
        };
      }
      case LIKE: {
        RowExpression s = compile(ops.get(0));
        RowExpression p = compile(ops.get(1));
        Character escape = ops.size() > 2 ? ((String) literal((RexLiteral) ops.get(2))).charAt(0) : null;
        boolean negated = call.getOperator().getName().startsWith("NOT");
        if (ops.get(1) instanceof RexLiteral pattern && !pattern.isNull()) {
          java.util.regex.Pattern regex = ScalarFunctions.likePattern((String) literal(pattern), escape);
          return row -> {
            Object x = s.eval(row);
            return x == null ? null : negated != regex.matcher((String) x).matches();
          };
        }
        return row -> {
          Object x = s.eval(row);
          Object y = p.eval(row);
          return x == null || y == null ? null : negated != ScalarFunctions.like((String) x, (String) y, escape);
        };
      }
      case SIMILAR: {
        RowExpression s = compile(ops.get(0));
        RowExpression p = compile(ops.get(1));
        String escape = ops.size() > 2 ? (String) literal((RexLiteral) ops.get(2)) : null;
        boolean negated = call.getOperator().getName().startsWith("NOT");
        return row -> {
          Object x = s.eval(row);
          Object y = p.eval(row);
          if (x == null || y == null) {
            return null;
          }
          boolean matches = ScalarFunctions.similar((String) x, (String) y, escape);
          return negated != matches;
        };
      }
      case EXTRACT: {
        TimeUnitRange unit = (TimeUnitRange) ((RexLiteral) ops.get(0)).getValue();
        RowExpression a = compile(ops.get(1));
        return strict1(a, v -> TimeFunctions.extract(unit, v));
      }
      case TRIM: {
        SqlTrimFunction.Flag flag = (SqlTrimFunction.Flag) ((RexLiteral) ops.get(0)).getValue();
        RowExpression chars = compile(ops.get(1));
        RowExpression s = compile(ops.get(2));
        return row -> {
          Object c = chars.eval(row);
          Object v = s.eval(row);
          return c == null || v == null ? null : StringFunctions.trim(flag, (String) c, (String) v);
        };
      }
      default:
        return function(call, type);
    }
  }

  private RowExpression function(RexCall call, LogicalType type) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    RowExpression[] args = compileAll(call.getOperands());
    if (call.getOperator() instanceof ScalarFunctionOperator udf) {
      return userFunction(udf, call, args, type);
    }
    RowExpression json = JsonFunctions.compile(name, call, args, type);
    if (json != null) {
      return json;
    }
    return switch (name) {
      case "||", "CONCAT" -> row -> {
        StringBuilder sb = new StringBuilder();
        for (RowExpression a : args) {
          Object v = a.eval(row);
          if (v == null) {
            return null;
          }
          sb.append(Values.text(v));
        }
        return sb.toString();
      };
      case "LOWER" -> strict1(args[0], v -> ((String) v).toLowerCase(Locale.ROOT));
      case "UPPER" -> strict1(args[0], v -> ((String) v).toUpperCase(Locale.ROOT));
      case "CHAR_LENGTH", "CHARACTER_LENGTH" -> strict1(args[0], v -> ((String) v).length());
      case "SUBSTRING" -> row -> {
        Object s = args[0].eval(row);
        Object from = args[1].eval(row);
        Object length = args.length > 2 ? args[2].eval(row) : Integer.MAX_VALUE;
        return s == null || from == null || length == null ? null
            : StringFunctions.substring((String) s, ((Number) from).intValue(), ((Number) length).intValue());
      };
      case "DATE_FORMAT" -> row -> {
        Object t = args[0].eval(row);
        Object f = args[1].eval(row);
        if (t == null || f == null) {
          return null;
        }
        LocalDateTime time = t instanceof LocalDateTime ldt ? ldt : (LocalDateTime) Values.cast(t, LogicalType.timestamp(3));
        return ScalarFunctions.dateFormat(time, (String) f);
      };
      case "REGEXP_EXTRACT" -> {
        if (call.getOperands().get(1) instanceof RexLiteral regex && !regex.isNull()) {
          RegexSearch search = RegexSearch.of((String) literal(regex)); // compiled once; null if invalid
          yield row -> {
            Object s = args[0].eval(row);
            Object group = args.length > 2 ? args[2].eval(row) : 0;
            return s == null || search == null || group == null ? null
                : ScalarFunctions.regexpExtract((String) s, search, ((Number) group).intValue());
          };
        }
        yield row -> {
          Object s = args[0].eval(row);
          Object re = args[1].eval(row);
          Object group = args.length > 2 ? args[2].eval(row) : 0;
          return s == null || re == null || group == null ? null
              : ScalarFunctions.regexpExtract((String) s, (String) re, ((Number) group).intValue());
        };
      }
      case "SPLIT_INDEX" -> row -> {
        Object s = args[0].eval(row);
        Object sep = args[1].eval(row);
        Object index = args[2].eval(row);
        return s == null || sep == null || index == null ? null
            : ScalarFunctions.splitIndex((String) s, (String) sep, ((Number) index).intValue());
      };
      case "IF" -> row -> Boolean.TRUE.equals(args[0].eval(row)) ? args[1].eval(row) : args[2].eval(row);
      case "ABS" -> strict1(args[0], v -> Arithmetic.abs(v));
      case "FLOOR", "CEIL" -> {
        boolean floor = name.equals("FLOOR");
        if (call.getOperands().size() > 1) {
          TimeUnitRange unit = (TimeUnitRange) ((RexLiteral) call.getOperands().get(1)).getValue();
          yield strict1(args[0], v -> TimeFunctions.floorOrCeil(v, unit, floor));
        }
        yield strict1(args[0], v -> Arithmetic.round(v, floor));
      }
      case "POWER" -> strict2(args[0], args[1], (a, b) -> Math.pow(((Number) a).doubleValue(), ((Number) b).doubleValue()));
      case "SQRT" -> strict1(args[0], v -> Math.sqrt(((Number) v).doubleValue()));
      default -> {
        RowExpression builtin = BuiltinFunctions.compile(name, args, type);
        if (builtin == null) {
          throw unsupported("function " + call.getOperator().getName());
        }
        yield builtin;
      }
    };
  }

  private static RowExpression userFunction(ScalarFunctionOperator udf, RexCall call, RowExpression[] args,
      LogicalType type) {
    List<LogicalType> argTypes = new ArrayList<>();
    for (RexNode op : call.getOperands()) {
      argTypes.add(TypeConversion.toLogicalType(op.getType()));
    }
    EvalMethod eval = udf.resolve(argTypes);
    ScalarFunction instance;
    try {
      instance = udf.functionClass().getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Cannot instantiate " + udf.functionClass().getName() + ": " + e, e);
    }
    boolean convert = type.root() == Root.DECIMAL || type.isString() && type.precision() != LogicalType.MAX_LENGTH;
    return new ScalarFunctionCall(instance, eval, args, convert ? v -> Values.cast(v, type) : v -> v);
  }

  private RowExpression arithmetic(SqlKind kind, RexCall call, LogicalType type) {
    RowExpression a = compile(call.getOperands().get(0));
    RowExpression b = compile(call.getOperands().get(1));
    LogicalType left = TypeConversion.toLogicalType(call.getOperands().get(0).getType());
    LogicalType right = TypeConversion.toLogicalType(call.getOperands().get(1).getType());
    if (type.root() == Root.INTERVAL_DAY_TIME || type.root() == Root.INTERVAL_YEAR_MONTH) {
      boolean months = type.root() == Root.INTERVAL_YEAR_MONTH;
      if (kind == SqlKind.MINUS && (left.root() == Root.TIMESTAMP || left.root() == Root.DATE)) {
        return strict2(a, b, (x, y) -> TimeFunctions.between(y, x, months));
      }
      LogicalType bigint = LogicalType.bigint();
      return strict2(a, b, (x, y) -> {
        long r = ((Number) Arithmetic.apply(kind, x, y, bigint)).longValue();
        return months ? (Object) (int) r : (Object) r;
      });
    }
    if (type.root() == Root.TIMESTAMP || type.root() == Root.DATE || type.root() == Root.TIMESTAMP_LTZ) {
      boolean leftIsTime = left.root() == Root.TIMESTAMP || left.root() == Root.DATE || left.root() == Root.TIMESTAMP_LTZ;
      RowExpression time = leftIsTime ? a : b;
      RowExpression interval = leftIsTime ? b : a;
      Root unit = (leftIsTime ? right : left).root();
      boolean minus = kind == SqlKind.MINUS;
      return strict2(time, interval, (t, i) -> TimeFunctions.plus(t, unit, (Number) i, minus));
    }
    return strict2(a, b, (x, y) -> Arithmetic.apply(kind, x, y, type));
  }

  private static RowExpression comparison(SqlKind kind, RowExpression a, RowExpression b) {
    return row -> {
      Object x = a.eval(row);
      if (x == null) {
        return null;
      }
      Object y = b.eval(row);
      if (y == null) {
        return null;
      }
      return switch (kind) {
        case EQUALS -> Values.equal(x, y);
        case NOT_EQUALS -> !Values.equal(x, y);
        case LESS_THAN -> Values.compare(x, y) < 0;
        case LESS_THAN_OR_EQUAL -> Values.compare(x, y) <= 0;
        case GREATER_THAN -> Values.compare(x, y) > 0;
        default -> Values.compare(x, y) >= 0;
      };
    };
  }

  /**
   * {@code x <kind> c} for a non-null constant c, as {@link #comparison} computes it, with one
   * closure per kind and equality of values of c's class without the numeric promotion.
   */
  private static RowExpression comparisonWithConstant(SqlKind kind, RowExpression a, Object c) {
    Class<?> type = c.getClass();
    boolean plainEquals = !(c instanceof BigDecimal); // Values.equal's test for values of one class
    return switch (kind) {
      case EQUALS -> row -> {
        Object x = a.eval(row);
        return x == null ? null : plainEquals && x.getClass() == type ? c.equals(x) : Values.equal(x, c);
      };
      case NOT_EQUALS -> row -> {
        Object x = a.eval(row);
        return x == null ? null : !(plainEquals && x.getClass() == type ? c.equals(x) : Values.equal(x, c));
      };
      case LESS_THAN -> row -> {
        Object x = a.eval(row);
        return x == null ? null : Values.compare(x, c) < 0;
      };
      case LESS_THAN_OR_EQUAL -> row -> {
        Object x = a.eval(row);
        return x == null ? null : Values.compare(x, c) <= 0;
      };
      case GREATER_THAN -> row -> {
        Object x = a.eval(row);
        return x == null ? null : Values.compare(x, c) > 0;
      };
      default -> row -> {
        Object x = a.eval(row);
        return x == null ? null : Values.compare(x, c) >= 0;
      };
    };
  }

  private RowExpression[] compileAll(List<RexNode> nodes) {
    return compile(nodes).toArray(RowExpression[]::new);
  }

  /** A unary function over a non-null argument; NULL in, NULL out. */
  interface Unary extends java.io.Serializable {
    Object apply(Object v);
  }

  /** A binary function over non-null arguments; NULL in, NULL out. */
  interface Binary extends java.io.Serializable {
    Object apply(Object a, Object b);
  }

  private static RowExpression strict1(RowExpression a, Unary f) {
    return row -> {
      Object v = a.eval(row);
      return v == null ? null : f.apply(v);
    };
  }

  private static RowExpression strict2(RowExpression a, RowExpression b, Binary f) {
    return row -> {
      Object x = a.eval(row);
      if (x == null) {
        return null;
      }
      Object y = b.eval(row);
      return y == null ? null : f.apply(x, y);
    };
  }

  /** Rounds a DECIMAL to a result scale. */
  static BigDecimal scaled(BigDecimal d, int scale) {
    return d.setScale(scale, RoundingMode.HALF_UP);
  }
}
