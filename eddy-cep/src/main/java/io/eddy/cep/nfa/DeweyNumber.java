package io.eddy.cep.nfa;

import io.eddy.api.types.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * A version of a run of the NFA, as in "Efficient Pattern Matching over Event Streams" (SASE):
 * a branch increases the last digit, a transition to the next step adds a digit. A shared-buffer
 * edge written by version {@code v} belongs to the runs whose version is compatible with
 * {@code v}, which is how one buffer holds many overlapping partial matches. Immutable: the
 * digits array is never changed after construction (a record, so every backend can snapshot it).
 */
public record DeweyNumber(int[] digits) {

  public DeweyNumber(int start) {
    this(new int[] {start});
  }

  public int length() {
    return digits.length;
  }

  /** This number with its last digit raised by {@code times}. */
  public DeweyNumber increase(int times) {
    int[] next = Arrays.copyOf(digits, digits.length);
    next[next.length - 1] += times;
    return new DeweyNumber(next);
  }

  /** This number with a new last digit 0. */
  public DeweyNumber addStage() {
    return new DeweyNumber(Arrays.copyOf(digits, digits.length + 1));
  }

  /**
   * True when this version descends from {@code other}: {@code other} is a proper prefix of it,
   * or both have the same length, equal leading digits and this last digit is at least other's.
   */
  public boolean isCompatibleWith(DeweyNumber other) {
    int n = other.digits.length;
    if (digits.length > n) {
      return Arrays.equals(digits, 0, n, other.digits, 0, n);
    }
    if (digits.length < n) {
      return false;
    }
    return Arrays.equals(digits, 0, n - 1, other.digits, 0, n - 1) && digits[n - 1] >= other.digits[n - 1];
  }

  public static final TypeSerializer<DeweyNumber> SERIALIZER = new TypeSerializer<>() {
    @Override
    public void serialize(DeweyNumber value, DataOutput out) throws IOException {
      out.writeInt(value.digits.length);
      for (int d : value.digits) {
        out.writeInt(d);
      }
    }

    @Override
    public DeweyNumber deserialize(DataInput in) throws IOException {
      int[] digits = new int[in.readInt()];
      for (int i = 0; i < digits.length; i++) {
        digits[i] = in.readInt();
      }
      return new DeweyNumber(digits);
    }

    @Override
    public String name() {
      return "cep-dewey-number";
    }
  };

  @Override
  public boolean equals(Object o) {
    return o instanceof DeweyNumber d && Arrays.equals(digits, d.digits);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digits);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < digits.length; i++) {
      b.append(i == 0 ? "" : ".").append(digits[i]);
    }
    return b.toString();
  }
}
