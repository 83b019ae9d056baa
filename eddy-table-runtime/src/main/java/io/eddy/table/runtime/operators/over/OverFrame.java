package io.eddy.table.runtime.operators.over;

import java.io.Serializable;

/**
 * The frame of an OVER window ending at the current row: {@code ROWS BETWEEN n PRECEDING} (the
 * current row and up to n rows before it), {@code RANGE BETWEEN r PRECEDING} (rows whose order
 * value is at least the current one's minus r, and all rows tied with the current one), or either
 * UNBOUNDED PRECEDING ({@code preceding} < 0). Immutable.
 */
public record OverFrame(boolean rows, long preceding) implements Serializable {
  public boolean unbounded() {
    return preceding < 0;
  }

  @Override
  public String toString() {
    return (rows ? "ROWS" : "RANGE") + " BETWEEN " + (unbounded() ? "UNBOUNDED" : Long.toString(preceding))
        + " PRECEDING AND CURRENT ROW";
  }
}
