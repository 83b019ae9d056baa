package io.eddy.nexmark.result;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One result row: the column values of a query's SELECT list, in order, compared by value
 * (so a multiset of rows can find the row a retraction removes).
 *
 * <p>Values are what {@link CsvFormat} prints: Long/Integer, String, BigDecimal, Double,
 * Boolean, LocalDateTime (SQL TIMESTAMP(3), UTC wall time), LocalDate, or null. Equality is
 * per value's equals, so producers must agree on types to retract rows: the oracle uses Long
 * for BIGINT, BigDecimal of scale 3 for {@code 0.908 * price}, LocalDateTime for timestamps,
 * String for DATE_FORMAT results. Immutable: the array is copied in (or handed over) and never exposed.
 * Serializable (all value types are), so rows can travel and sit in state.
 */
public final class Row implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Object[] values;

    private Row(Object[] values) {
        this.values = values;
    }

    public static Row of(Object... values) {
        return new Row(values.clone());
    }

    /** A row of {@code values} without a copy: the caller hands the array over and never changes it. */
    public static Row ofOwned(Object[] values) {
        return new Row(values);
    }

    public int arity() {
        return values.length;
    }

    public Object get(int i) {
        return values[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** The row as its CSV line. */
    @Override
    public String toString() {
        return CsvFormat.line(this);
    }
}
