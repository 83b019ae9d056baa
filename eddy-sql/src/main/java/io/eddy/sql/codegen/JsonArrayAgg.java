package io.eddy.sql.codegen;

import io.eddy.api.types.Row;
import io.eddy.table.runtime.operators.aggregate.RowAggregator;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON_ARRAYAGG(value [ABSENT|NULL ON NULL]): the group's values in arrival order as a JSON array
 * (each as {@link JsonFunctions#node} makes it), NULLs left out or kept as {@code null}. The slot
 * holds the elements' JSON texts ({@code ArrayList}); a retraction removes the earliest equal
 * element, as Flink's JsonArrayAggFunction removes it from its list view.
 */
public final class JsonArrayAgg implements RowAggregator {
  private static final long serialVersionUID = 1L;

  private final boolean nullOnNull;

  public JsonArrayAgg(boolean nullOnNull) {
    this.nullOnNull = nullOnNull;
  }

  @Override
  public int slots() {
    return 1;
  }

  @Override
  public void init(Row acc, int offset) {
    acc.setField(offset, new ArrayList<String>());
  }

  @Override
  public boolean skipsNullArguments() {
    return false;
  }

  /** The element's JSON text, or null when a NULL is left out. */
  private String element(Object arguments) {
    Object v = ((Object[]) arguments)[0];
    return v == null && !nullOnNull ? null : JsonFunctions.write(JsonFunctions.node(v));
  }

  @Override
  public void accumulate(Row acc, int offset, Object arguments) {
    String e = element(arguments);
    if (e != null) {
      elements(acc, offset).add(e);
    }
  }

  @Override
  public void retract(Row acc, int offset, Object arguments) {
    String e = element(arguments);
    if (e != null) {
      elements(acc, offset).remove(e);
    }
  }

  @Override
  public void merge(Row acc, Row other, int offset) {
    elements(acc, offset).addAll(elements(other, offset));
  }

  @Override
  public Object getValue(Row acc, int offset) {
    return "[" + String.join(",", elements(acc, offset)) + "]";
  }

  @SuppressWarnings("unchecked")
  private static List<String> elements(Row acc, int offset) {
    return (List<String>) acc.getField(offset);
  }
}
