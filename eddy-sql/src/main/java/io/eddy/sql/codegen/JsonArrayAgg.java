package io.eddy.sql.codegen;

import io.eddy.api.types.Row;
import io.eddy.table.runtime.operators.aggregate.ListAgg;
import io.eddy.table.runtime.operators.aggregate.RowAggregator;

/**
 * JSON_ARRAYAGG(value [ABSENT|NULL ON NULL]): the group's values in arrival order as a JSON array
 * (each as {@link JsonFunctions#node} makes it), NULLs left out or kept as {@code null}. The
 * elements' JSON texts are kept by a {@link ListAgg}, whose accumulator is the one this needs: a
 * retraction removes the earliest equal element, as Flink's JsonArrayAggFunction removes it from
 * its list view.
 */
public final class JsonArrayAgg implements RowAggregator {
  private static final long serialVersionUID = 1L;

  private final boolean nullOnNull;
  private final ListAgg elements = new ListAgg(",");

  public JsonArrayAgg(boolean nullOnNull) {
    this.nullOnNull = nullOnNull;
  }

  @Override
  public int slots() {
    return elements.slots();
  }

  @Override
  public void init(Row acc, int offset) {
    elements.init(acc, offset);
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
      elements.accumulate(acc, offset, e);
    }
  }

  @Override
  public void retract(Row acc, int offset, Object arguments) {
    String e = element(arguments);
    if (e != null) {
      elements.retract(acc, offset, e);
    }
  }

  @Override
  public void merge(Row acc, Row other, int offset) {
    elements.merge(acc, other, offset);
  }

  @Override
  public Object getValue(Row acc, int offset) {
    Object joined = elements.getValue(acc, offset);
    return "[" + (joined == null ? "" : joined) + "]";
  }
}
