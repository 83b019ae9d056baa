package io.eddy.api.types;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A row of a table: a {@link RowKind} and fields by position, as Flink's {@code Row}. Fields hold
 * Java values: Boolean, Byte, Short, Integer, Long, Float, Double, BigDecimal (DECIMAL), String
 * (CHAR/VARCHAR), byte[] (BINARY), LocalDate (DATE), LocalTime (TIME), LocalDateTime (TIMESTAMP),
 * Instant (TIMESTAMP_LTZ), Row (nested ROW), Object[]/Map (ARRAY/MAP), or null.
 *
 * <p>Rows are mutable like Flink's, but the engine's rule holds: a row handed downstream or put
 * into state is not changed afterwards. Equality and hash code cover the kind and the fields
 * (deeply, arrays by content); the hash code is stable across JVMs (the kind counts by its byte),
 * so a row can be a partitioning key. {@link #toString()} is Flink's: {@code +I[1, a]}.
 */
public final class Row implements Serializable {
  private static final long serialVersionUID = 1L;

  private RowKind kind;
  private final Object[] fields;

  private Row(RowKind kind, Object[] fields) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.fields = fields;
  }

  /** A row of {@code arity} null fields. */
  public Row(RowKind kind, int arity) {
    this(kind, new Object[arity]);
  }

  /** A row of {@code arity} null fields of kind +I. */
  public Row(int arity) {
    this(RowKind.INSERT, arity);
  }

  /** An insert row of these values (the array is copied). */
  public static Row of(Object... values) {
    return new Row(RowKind.INSERT, values.clone());
  }

  /** A row of this kind and values (the array is copied). */
  public static Row ofKind(RowKind kind, Object... values) {
    return new Row(kind, values.clone());
  }

  /** Flink's name for {@link #Row(RowKind, int)}. */
  public static Row withPositions(RowKind kind, int arity) {
    return new Row(kind, arity);
  }

  /** Flink's name for {@link #Row(int)}. */
  public static Row withPositions(int arity) {
    return new Row(arity);
  }

  /** A row taking ownership of {@code fields} without copying; the caller must not keep it. */
  public static Row wrap(RowKind kind, Object[] fields) {
    return new Row(kind, fields);
  }

  /** A copy of {@code row} with another kind (fields shared, they are immutable values). */
  public static Row copyWithKind(Row row, RowKind kind) {
    return new Row(kind, row.fields.clone());
  }

  public RowKind getKind() {
    return kind;
  }

  public void setKind(RowKind kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public int getArity() {
    return fields.length;
  }

  public Object getField(int pos) {
    return fields[pos];
  }

  /** The field at {@code pos} cast to the caller's type. */
  @SuppressWarnings("unchecked")
  public <T> T getFieldAs(int pos) {
    return (T) fields[pos];
  }

  public void setField(int pos, Object value) {
    fields[pos] = value;
  }

  /** Two rows with equal fields, whatever their kinds. */
  public boolean fieldsEqual(Row other) {
    return Arrays.deepEquals(fields, other.fields);
  }

  /** Hash of the fields only (stable across JVMs, see the class comment). */
  public int fieldsHashCode() {
    return Arrays.deepHashCode(fields);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Row other && kind == other.kind && Arrays.deepEquals(fields, other.fields);
  }

  @Override
  public int hashCode() {
    return 31 * fieldsHashCode() + kind.toByteValue();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(kind.shortString()).append('[');
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      Object f = fields[i];
      sb.append(f instanceof Object[] a ? Arrays.deepToString(a) : f instanceof byte[] b ? Arrays.toString(b) : f);
    }
    return sb.append(']').toString();
  }
}
