package io.eddy.api.tuple;

import java.io.Serializable;
import java.util.Objects;

/** A triple with public fields, as in Flink. */
public class Tuple3<T0, T1, T2> implements Serializable {
  public T0 f0;
  public T1 f1;
  public T2 f2;

  public Tuple3() {}

  public Tuple3(T0 f0, T1 f1, T2 f2) {
    this.f0 = f0;
    this.f1 = f1;
    this.f2 = f2;
  }

  public static <T0, T1, T2> Tuple3<T0, T1, T2> of(T0 f0, T1 f1, T2 f2) {
    return new Tuple3<>(f0, f1, f2);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tuple3<?, ?, ?> t
        && Objects.equals(f0, t.f0) && Objects.equals(f1, t.f1) && Objects.equals(f2, t.f2);
  }

  @Override
  public int hashCode() {
    return Objects.hash(f0, f1, f2);
  }

  @Override
  public String toString() {
    return "(" + f0 + "," + f1 + "," + f2 + ")";
  }
}
