package io.eddy.sql.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.connectors.file.LineParser;
import io.eddy.sql.codegen.Values;
import io.eddy.table.types.LogicalType;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads one JSON object per line into a row of the given ROW type, like Flink's 'json' format:
 * fields by name, nested objects as nested rows, timestamps as SQL text
 * ({@code yyyy-MM-dd HH:mm:ss.SSS}) or ISO-8601. A missing field is NULL, or an error with
 * 'json.fail-on-missing-field'; a value of the wrong kind is an error naming the field.
 */
public final class JsonRowParser implements LineParser<Row> {
  private static final long serialVersionUID = 1L;

  private final LogicalType rowType;
  private final boolean failOnMissingField;
  private transient ObjectMapper mapper;

  public JsonRowParser(LogicalType rowType, boolean failOnMissingField) {
    this.rowType = rowType;
    this.failOnMissingField = failOnMissingField;
  }

  @Override
  public Row parse(String line) throws Exception {
    if (mapper == null) {
      mapper = new ObjectMapper();
    }
    JsonNode node = mapper.readTree(line);
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    return row(node, rowType, "");
  }

  private Row row(JsonNode node, LogicalType type, String path) {
    Object[] fields = new Object[type.fieldCount()];
    for (int i = 0; i < fields.length; i++) {
      String name = type.fieldNames().get(i);
      JsonNode child = node.get(name);
      if (child == null && failOnMissingField) {
        throw new IllegalArgumentException("missing field " + path + name);
      }
      fields[i] = value(child, type.field(i), path + name);
    }
    return Row.wrap(RowKind.INSERT, fields);
  }

  private Object value(JsonNode node, LogicalType type, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      return switch (type.root()) {
        case ROW -> {
          if (!node.isObject()) {
            throw new IllegalArgumentException("expected an object");
          }
          yield row(node, type, path + ".");
        }
        case BOOLEAN -> node.isBoolean() ? node.booleanValue() : Values.cast(node.asText(), type);
        case TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, DECIMAL ->
            Values.cast(node.isNumber() ? (Object) node.decimalValue() : node.asText(), type);
        case CHAR, VARCHAR -> node.isValueNode() ? node.asText() : node.toString();
        case DATE, TIME, TIMESTAMP -> Values.cast(node.asText(), type);
        case ARRAY -> {
          Object[] items = new Object[node.size()];
          for (int i = 0; i < items.length; i++) {
            items[i] = value(node.get(i), type.field(0), path + "[" + i + "]");
          }
          yield items;
        }
        case MAP -> {
          Map<Object, Object> map = new java.util.HashMap<>();
          Iterator<Map.Entry<String, JsonNode>> it = node.fields();
          while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(Values.cast(e.getKey(), type.field(0)), value(e.getValue(), type.field(1), path + "." + e.getKey()));
          }
          yield map;
        }
        default -> throw new IllegalArgumentException("JSON cannot hold " + type);
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("field " + path + ": cannot read " + abbreviate(node) + " as " + type
          + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
    }
  }

  private static String abbreviate(JsonNode node) {
    String s = node.toString();
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

}
