package io.eddy.api.types;

/**
 * The change a {@link Row} carries in a changelog, as in Flink: {@code +I} insert, {@code -U}
 * update-before (retracts the previous version of a row), {@code +U} update-after, {@code -D}
 * delete. The byte values are stable: they are written into state and checkpoints.
 */
public enum RowKind {
  INSERT("+I", (byte) 0),
  UPDATE_BEFORE("-U", (byte) 1),
  UPDATE_AFTER("+U", (byte) 2),
  DELETE("-D", (byte) 3);

  private static final RowKind[] BY_BYTE = {INSERT, UPDATE_BEFORE, UPDATE_AFTER, DELETE};

  private final String shortString;
  private final byte value;

  RowKind(String shortString, byte value) {
    this.shortString = shortString;
    this.value = value;
  }

  /** {@code +I}, {@code -U}, {@code +U} or {@code -D}. */
  public String shortString() {
    return shortString;
  }

  /** The stable byte of this kind (0..3). */
  public byte toByteValue() {
    return value;
  }

  /** The kind of a byte written by {@link #toByteValue()}. */
  public static RowKind fromByteValue(byte value) {
    if (value < 0 || value >= BY_BYTE.length) {
      throw new IllegalArgumentException("Unknown row kind byte " + value + " (expected 0..3)");
    }
    return BY_BYTE[value];
  }

  /** True for +I and +U: the row enters the table. */
  public boolean isAccumulate() {
    return this == INSERT || this == UPDATE_AFTER;
  }

  /** True for -U and -D: the row leaves the table. */
  public boolean isRetract() {
    return this == UPDATE_BEFORE || this == DELETE;
  }
}
