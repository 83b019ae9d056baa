package io.eddy.table.runtime.operators.rank;

import io.eddy.api.types.Row;
import java.io.Serializable;
import java.util.Comparator;

/**
 * The order of an {@code ORDER BY} list (Flink's SortSpec): per field its position, direction and
 * where NULLs go. Values of one field compare by their natural order (all SQL scalar types' Java
 * values are Comparable). {@link #key} projects a row to its sort key row, which this spec's
 * {@link #keyComparator()} orders. Immutable.
 */
public final class SortSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int[] fields;
  private final boolean[] ascending;
  private final boolean[] nullsFirst;

  public SortSpec(int[] fields, boolean[] ascending, boolean[] nullsFirst) {
    if (fields.length != ascending.length || fields.length != nullsFirst.length) {
      throw new IllegalArgumentException("one direction and null order per sort field");
    }
    this.fields = fields.clone();
    this.ascending = ascending.clone();
    this.nullsFirst = nullsFirst.clone();
  }

  public int[] fields() {
    return fields.clone();
  }

  public int size() {
    return fields.length;
  }

  public boolean ascending(int i) {
    return ascending[i];
  }

  /** The sort key of {@code row}: its sort fields, in order, as an insert row. */
  public Row key(Row row) {
    Object[] key = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      key[i] = row.getField(fields[i]);
    }
    return Row.of(key);
  }

  /** Orders sort key rows made by {@link #key}. */
  public Comparator<Row> keyComparator() {
    return (Comparator<Row> & Serializable) (a, b) -> compare(a, b, false);
  }

  /** Orders whole rows by their sort fields, as {@link #keyComparator()} orders their keys. */
  public Comparator<Row> rowComparator() {
    return (Comparator<Row> & Serializable) (a, b) -> compare(a, b, true);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private int compare(Row a, Row b, boolean wholeRows) {
    for (int i = 0; i < fields.length; i++) {
      int at = wholeRows ? fields[i] : i;
      Object x = a.getField(at);
      Object y = b.getField(at);
      int c;
      if (x == null || y == null) {
        c = x == y ? 0 : (x == null) == nullsFirst[i] ? -1 : 1;
      } else {
        c = ((Comparable) x).compareTo(y);
        if (!ascending[i]) {
          c = -c;
        }
      }
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      sb.append(i == 0 ? "" : ", ").append('$').append(fields[i]).append(ascending[i] ? " ASC" : " DESC")
          .append(nullsFirst[i] ? " NULLS FIRST" : " NULLS LAST");
    }
    return sb.toString();
  }
}
