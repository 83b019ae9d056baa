package io.eddy.sql.codegen;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.operators.aggregate.RowAggregator;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON_OBJECTAGG([KEY] key VALUE value [NULL|ABSENT ON NULL]): the group's key/value pairs as a
 * JSON object with its keys sorted (as Flink writes objects), a later value of a key replacing
 * the earlier one, NULL values kept as {@code null} or left out. A NULL key fails the query, as in
 * Flink. The slot holds key -> value JSON text ({@code TreeMap}); a retraction removes its key, as
 * Flink's JsonObjectAggFunction does.
 */
public final class JsonObjectAgg implements RowAggregator {
  private static final long serialVersionUID = 1L;

  private final boolean nullOnNull;

  public JsonObjectAgg(boolean nullOnNull) {
    this.nullOnNull = nullOnNull;
  }

  @Override
  public int slots() {
    return 1;
  }

  @Override
  public void init(Row acc, int offset) {
    acc.setField(offset, new TreeMap<String, String>());
  }

  @Override
  public boolean skipsNullArguments() {
    return false;
  }

  private static String key(Object[] arguments) {
    if (arguments[0] == null) {
      throw new IllegalArgumentException("JSON_OBJECTAGG: a key is NULL");
    }
    return arguments[0].toString();
  }

  @Override
  public void accumulate(Row acc, int offset, Object arguments) {
    Object[] args = (Object[]) arguments;
    String key = key(args);
    if (args[1] != null || nullOnNull) {
      fields(acc, offset).put(key, JsonFunctions.write(JsonFunctions.node(args[1])));
    }
  }

  @Override
  public void retract(Row acc, int offset, Object arguments) {
    fields(acc, offset).remove(key((Object[]) arguments));
  }

  @Override
  public void merge(Row acc, Row other, int offset) {
    fields(acc, offset).putAll(fields(other, offset));
  }

  @Override
  public Object getValue(Row acc, int offset) {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, String> field : fields(acc, offset).entrySet()) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append(JsonFunctions.write(JsonNodeFactory.instance.textNode(field.getKey()))).append(':').append(field.getValue());
    }
    return sb.append('}').toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> fields(Row acc, int offset) {
    return (Map<String, String>) acc.getField(offset);
  }
}
