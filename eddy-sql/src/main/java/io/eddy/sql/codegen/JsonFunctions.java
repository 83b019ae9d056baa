package io.eddy.sql.codegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.types.LogicalType;
import io.eddy.table.types.LogicalType.Root;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlJsonConstructorNullClause;
import org.apache.calcite.sql.SqlJsonEmptyOrError;
import org.apache.calcite.sql.SqlJsonExistsErrorBehavior;
import org.apache.calcite.sql.SqlJsonQueryEmptyOrErrorBehavior;
import org.apache.calcite.sql.SqlJsonQueryWrapperBehavior;
import org.apache.calcite.sql.SqlJsonValueEmptyOrErrorBehavior;

/**
 * Flink's JSON functions over JSON text (STRING), parsed with Jackson: JSON_VALUE (RETURNING
 * STRING, BOOLEAN, INT or DOUBLE; ON EMPTY / ON ERROR), JSON_QUERY (array wrappers; ON EMPTY / ON
 * ERROR), JSON_EXISTS (ON ERROR), {@code IS [NOT] JSON [VALUE|OBJECT|ARRAY|SCALAR]}, JSON_STRING,
 * JSON_OBJECT and JSON_ARRAY (NULL / ABSENT ON NULL), with the semantics Flink 2.3 shows
 * (json.golden): a path's mode decides whether nothing found, or text that is not JSON, is
 * "empty" (lax) or an error (strict, the default); JSON_VALUE of an object or array is empty in
 * lax mode and an error in strict mode, JSON_QUERY of a scalar likewise; NULL text gives
 * NULL (IS JSON: FALSE). A JSON_OBJECT or JSON_ARRAY argument that is itself one of them is nested
 * as JSON, any other value as a JSON scalar; objects are written with their keys sorted, as Flink
 * writes them. Errors behave as {@code ERROR ON ...} asks: the query fails naming the function.
 */
final class JsonFunctions {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private JsonFunctions() {}

  /** The JSON function {@code name} of {@code call}, or null if it is none. */
  static RowExpression compile(String name, RexCall call, RowExpression[] args, LogicalType type) {
    return switch (name) {
      case "JSON_VALUE" -> jsonValue(call, args, type);
      case "JSON_QUERY" -> jsonQuery(call, args);
      case "JSON_EXISTS" -> jsonExists(call, args);
      case "IS JSON VALUE", "IS JSON OBJECT", "IS JSON ARRAY", "IS JSON SCALAR" -> isJson(name.substring(8), false, args[0]);
      case "IS NOT JSON VALUE", "IS NOT JSON OBJECT", "IS NOT JSON ARRAY", "IS NOT JSON SCALAR" ->
          isJson(name.substring(12), true, args[0]);
      case "JSON_STRING" -> row -> {
        Object v = args[0].eval(row);
        return v == null ? null : write(node(v));
      };
      case "JSON_OBJECT" -> jsonObject(call, args);
      case "JSON_ARRAY" -> jsonArray(call, args);
      default -> null;
    };
  }

  private static <E extends Enum<E>> E flag(RexNode node, Class<E> type) {
    return ((RexLiteral) node).getValueAs(type);
  }

  /** The parsed document, or null for text that is not JSON. */
  private static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** What a path function makes of its path's result on a row's (non-NULL) text. */
  @FunctionalInterface
  private interface OnPathResult extends java.io.Serializable {
    Object apply(Row row, JsonPath.Result result);
  }

  /**
   * A path function (JSON_VALUE, JSON_QUERY, JSON_EXISTS) of {@code text}: NULL for NULL text,
   * else {@code onResult} of what {@code path} selects, text that is not JSON being the path's
   * failure (an error in strict mode, nothing found in lax mode).
   */
  private static RowExpression selecting(RowExpression text, JsonPath path, OnPathResult onResult) {
    return row -> {
      Object t = text.eval(row);
      if (t == null) {
        return null;
      }
      JsonNode document = parse((String) t);
      return onResult.apply(row, document == null ? path.missing("not JSON: " + t) : path.select(document));
    };
  }

  /** The failure of a path function under ERROR ON EMPTY / ON ERROR: the query fails naming the function. */
  private static IllegalArgumentException failure(String function, String message) {
    return new IllegalArgumentException(function + ": " + message);
  }

  private static JsonPath constantPath(RexCall call) {
    if (!(call.getOperands().get(1) instanceof RexLiteral literal)) {
      throw new UnsupportedOperationException(call.getOperator().getName() + ": the path must be a literal");
    }
    return JsonPath.parse(literal.getValueAs(String.class));
  }

  // JSON_VALUE(text, path [, behavior, [default,] ON EMPTY|ON ERROR]...)
  private static RowExpression jsonValue(RexCall call, RowExpression[] args, LogicalType type) {
    if (!type.isString() && type.root() != Root.BOOLEAN && type.root() != Root.INTEGER && type.root() != Root.DOUBLE) {
      throw new UnsupportedOperationException("Unsupported type '" + type.copy(true) + "' for RETURNING in JSON_VALUE().");
    }
    JsonPath path = constantPath(call);
    Behavior onEmpty = Behavior.NULL;
    Behavior onError = Behavior.NULL;
    List<RexNode> ops = call.getOperands();
    for (int i = 2; i < ops.size(); ) {
      SqlJsonValueEmptyOrErrorBehavior b = flag(ops.get(i), SqlJsonValueEmptyOrErrorBehavior.class);
      RowExpression def = b == SqlJsonValueEmptyOrErrorBehavior.DEFAULT ? args[i + 1] : null;
      i += def == null ? 1 : 2;
      Behavior behavior = new Behavior(b == SqlJsonValueEmptyOrErrorBehavior.ERROR, def);
      if (flag(ops.get(i), SqlJsonEmptyOrError.class) == SqlJsonEmptyOrError.EMPTY) {
        onEmpty = behavior;
      } else {
        onError = behavior;
      }
      i++;
    }
    Behavior empty = onEmpty;
    Behavior error = onError;
    return selecting(args[0], path, (row, r) -> {
      RuntimeException failure = r.error();
      if (!r.failed()) {
        JsonNode item = r.item();
        if (item == null || !path.strict() && item.isContainerNode()) {
          return empty.apply(row, "JSON_VALUE", "Empty result of JSON_VALUE function is not allowed", type);
        }
        if (!item.isContainerNode()) {
          try {
            return convert(item, type);
          } catch (RuntimeException e) {
            failure = e;
          }
        } else {
          failure = new IllegalArgumentException("Strict jsonpath mode requires scalar value, and the actual value is: '"
              + write(item) + "'");
        }
      }
      return error.apply(row, "JSON_VALUE", failure.getMessage(), type);
    });
  }

  private static Object convert(JsonNode item, LogicalType type) {
    String text = item.asText();
    return switch (type.root()) {
      case BOOLEAN -> {
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
          throw new IllegalArgumentException("not a BOOLEAN: " + text);
        }
        yield Boolean.parseBoolean(text);
      }
      case INTEGER -> new BigDecimal(text.strip()).intValueExact();
      case DOUBLE -> Double.parseDouble(text.strip());
      default -> text;
    };
  }

  /** What an ON EMPTY or ON ERROR clause asks for: fail, a default, or NULL (neither). */
  private record Behavior(boolean fail, RowExpression defaultValue) implements java.io.Serializable {
    static final Behavior NULL = new Behavior(false, null);

    Object apply(Row row, String function, String message, LogicalType type) {
      if (fail) {
        throw failure(function, message);
      }
      Object v = defaultValue == null ? null : defaultValue.eval(row);
      return v == null ? null : Values.cast(v, type);
    }
  }

  // JSON_QUERY(text, path, wrapper, empty behavior, error behavior)
  private static RowExpression jsonQuery(RexCall call, RowExpression[] args) {
    JsonPath path = constantPath(call);
    List<RexNode> ops = call.getOperands();
    SqlJsonQueryWrapperBehavior wrapper = flag(ops.get(2), SqlJsonQueryWrapperBehavior.class);
    SqlJsonQueryEmptyOrErrorBehavior onEmpty = flag(ops.get(3), SqlJsonQueryEmptyOrErrorBehavior.class);
    SqlJsonQueryEmptyOrErrorBehavior onError = flag(ops.get(4), SqlJsonQueryEmptyOrErrorBehavior.class);
    return selecting(args[0], path, (row, r) -> {
      String failure;
      if (r.failed()) {
        failure = r.error().getMessage();
      } else {
        JsonNode value = r.item();
        if (value != null && (wrapper == SqlJsonQueryWrapperBehavior.WITH_UNCONDITIONAL_ARRAY
            || wrapper == SqlJsonQueryWrapperBehavior.WITH_CONDITIONAL_ARRAY && !value.isArray())) {
          value = NODES.arrayNode().add(value);
        }
        if (value == null || !path.strict() && !value.isContainerNode()) {
          return queryBehavior(onEmpty, "Empty result of JSON_QUERY function is not allowed");
        }
        if (value.isContainerNode()) {
          return write(value);
        }
        failure = "Strict jsonpath mode requires array or object value, and the actual value is: '" + write(value) + "'";
      }
      return queryBehavior(onError, failure);
    });
  }

  private static String queryBehavior(SqlJsonQueryEmptyOrErrorBehavior behavior, String message) {
    return switch (behavior) {
      case ERROR -> throw failure("JSON_QUERY", message);
      case EMPTY_ARRAY -> "[]";
      case EMPTY_OBJECT -> "{}";
      default -> null;
    };
  }

  // JSON_EXISTS(text, path [, error behavior])
  private static RowExpression jsonExists(RexCall call, RowExpression[] args) {
    JsonPath path = constantPath(call);
    SqlJsonExistsErrorBehavior onError = call.getOperands().size() > 2
        ? flag(call.getOperands().get(2), SqlJsonExistsErrorBehavior.class) : SqlJsonExistsErrorBehavior.FALSE;
    return selecting(args[0], path, (row, r) -> {
      if (!r.failed()) {
        return r.item() != null;
      }
      return switch (onError) {
        case ERROR -> throw failure("JSON_EXISTS", r.error().getMessage());
        case TRUE -> true;
        case FALSE -> false;
        default -> null;
      };
    });
  }

  private static RowExpression isJson(String what, boolean negated, RowExpression text) {
    return row -> {
      Object t = text.eval(row);
      JsonNode node = t == null ? null : parse((String) t);
      boolean is = node != null && switch (what) {
        case "OBJECT" -> node.isObject();
        case "ARRAY" -> node.isArray();
        case "SCALAR" -> !node.isContainerNode();
        default -> true;
      };
      return negated != is;
    };
  }

  /** Whether operand {@code node} of JSON_OBJECT/JSON_ARRAY is JSON text to nest rather than a value. */
  private static boolean isJsonText(RexNode node) {
    return node instanceof RexCall c && switch (c.getOperator().getName()) {
      case "JSON_TYPE", "JSON_OBJECT", "JSON_ARRAY" -> true;
      default -> false;
    };
  }

  private static JsonNode argument(Object v, boolean jsonText) {
    return jsonText && v != null ? parse((String) v) : node(v);
  }

  // JSON_OBJECT(null clause, key, value, ...)
  private static RowExpression jsonObject(RexCall call, RowExpression[] args) {
    List<RexNode> ops = call.getOperands();
    boolean absentOnNull = flag(ops.get(0), SqlJsonConstructorNullClause.class) == SqlJsonConstructorNullClause.ABSENT_ON_NULL;
    boolean[] jsonText = new boolean[ops.size()];
    for (int i = 2; i < ops.size(); i += 2) {
      jsonText[i] = isJsonText(ops.get(i));
    }
    return row -> {
      TreeMap<String, JsonNode> fields = new TreeMap<>();
      for (int i = 1; i + 1 < args.length; i += 2) {
        Object key = args[i].eval(row);
        if (key == null) {
          throw new IllegalArgumentException("JSON_OBJECT: a key is NULL");
        }
        Object v = args[i + 1].eval(row);
        if (v != null || !absentOnNull) {
          fields.put(key.toString(), argument(v, jsonText[i + 1]));
        }
      }
      ObjectNode object = NODES.objectNode();
      fields.forEach(object::set);
      return write(object);
    };
  }

  // JSON_ARRAY(null clause, value, ...)
  private static RowExpression jsonArray(RexCall call, RowExpression[] args) {
    List<RexNode> ops = call.getOperands();
    boolean absentOnNull = flag(ops.get(0), SqlJsonConstructorNullClause.class) == SqlJsonConstructorNullClause.ABSENT_ON_NULL;
    List<Integer> nested = new ArrayList<>();
    for (int i = 1; i < ops.size(); i++) {
      if (isJsonText(ops.get(i))) {
        nested.add(i);
      }
    }
    return row -> {
      ArrayNode array = NODES.arrayNode();
      for (int i = 1; i < args.length; i++) {
        Object v = args[i].eval(row);
        if (v != null || !absentOnNull) {
          array.add(argument(v, nested.contains(i)));
        }
      }
      return write(array);
    };
  }

  /** A SQL value as a JSON item: numbers, booleans and NULL as themselves, anything else as its text. */
  static JsonNode node(Object v) {
    return switch (v) {
      case null -> NODES.nullNode();
      case Boolean b -> NODES.booleanNode(b);
      case Integer i -> NODES.numberNode(i);
      case Long l -> NODES.numberNode(l);
      case Short s -> NODES.numberNode(s);
      case Byte b -> NODES.numberNode(b);
      case Double d -> NODES.numberNode(d);
      case Float f -> NODES.numberNode(f);
      case BigDecimal d -> NODES.numberNode(d);
      case String s -> NODES.textNode(s);
      default -> NODES.textNode(Values.cast(v, LogicalType.string()).toString());
    };
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
