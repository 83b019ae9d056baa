package io.eddy.api.tuple;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * The base of Flink's tuple classes Tuple0..Tuple25: fields by position, so that generic code
 * (serializers, field-position keys, SQL rows) can read and write any tuple.
 */
public abstract class Tuple implements Serializable {
  /** The largest arity a tuple class exists for. */
  public static final int MAX_ARITY = 25;

  /** The number of fields. */
  public abstract int getArity();

  /** The field at {@code pos} (0-based). */
  public abstract <T> T getField(int pos);

  /** Sets the field at {@code pos} (0-based). */
  public abstract <T> void setField(T value, int pos);

  /** A shallow copy of this tuple. */
  public abstract <T extends Tuple> T copy();

  /** The field at {@code pos}, failing with a clear message when it is null. */
  public <T> T getFieldNotNull(int pos) {
    T field = getField(pos);
    if (field == null) {
      throw new NullPointerException("Field " + pos + " of " + getClass().getSimpleName() + " is null");
    }
    return field;
  }

  /** The tuple class of the given arity. */
  public static Class<? extends Tuple> getTupleClass(int arity) {
    if (arity < 0 || arity > MAX_ARITY) {
      throw new IllegalArgumentException("Tuple arity must be between 0 and " + MAX_ARITY + ", not " + arity);
    }
    return TupleClasses.CLASSES[arity];
  }

  /** The tuple classes by arity, loaded once on first use. */
  private static final class TupleClasses {
    static final Class<? extends Tuple>[] CLASSES = load();

    @SuppressWarnings("unchecked")
    private static Class<? extends Tuple>[] load() {
      Class<? extends Tuple>[] classes = new Class[MAX_ARITY + 1];
      classes[0] = Tuple0.class;
      for (int arity = 1; arity <= MAX_ARITY; arity++) {
        try {
          classes[arity] = Class.forName(Tuple.class.getPackageName() + ".Tuple" + arity).asSubclass(Tuple.class);
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException("Tuple class of arity " + arity + " is missing", e);
        }
      }
      return classes;
    }
  }

  /** A new tuple of the given arity with all fields null. */
  public static Tuple newInstance(int arity) {
    if (arity == 0) {
      return Tuple0.INSTANCE;
    }
    try {
      return getTupleClass(arity).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot create a tuple of arity " + arity, e);
    }
  }

  /** Equal to any tuple of the same arity (Flink's tuple class or a subclass of it) with equal fields. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Tuple t) || t.getArity() != getArity() || !getTupleClass(getArity()).isInstance(o)) {
      return false;
    }
    for (int i = 0; i < getArity(); i++) {
      if (!Objects.equals(getField(i), t.getField(i))) {
        return false;
      }
    }
    return true;
  }

  /** Flink's tuple hash: {@code 31 * h + hash(field)} over the fields, starting from the first field's hash. */
  @Override
  public int hashCode() {
    int result = getArity() == 0 ? 0 : Objects.hashCode(getField(0));
    for (int i = 1; i < getArity(); i++) {
      result = 31 * result + Objects.hashCode(getField(i));
    }
    return result;
  }

  /** "(f0,f1,...)", arrays by their contents, as Flink prints tuples. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < getArity(); i++) {
      s.append(i == 0 ? "" : ",").append(fieldString(getField(i)));
    }
    return s.append(')').toString();
  }

  private static String fieldString(Object field) {
    if (field != null && field.getClass().isArray()) {
      String deep = Arrays.deepToString(new Object[] {field});
      return deep.substring(1, deep.length() - 1);
    }
    return String.valueOf(field);
  }
}
