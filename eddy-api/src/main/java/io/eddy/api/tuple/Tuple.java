package io.eddy.api.tuple;

import java.io.Serializable;
import java.util.Arrays;

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
    if (arity == 0) {
      return Tuple0.class;
    }
    try {
      return Class.forName(Tuple.class.getPackageName() + ".Tuple" + arity).asSubclass(Tuple.class);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Tuple class of arity " + arity + " is missing", e);
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

  /** How a field prints inside a tuple: arrays by their contents, as Flink prints them. */
  protected static String fieldString(Object field) {
    if (field != null && field.getClass().isArray()) {
      String deep = Arrays.deepToString(new Object[] {field});
      return deep.substring(1, deep.length() - 1);
    }
    return String.valueOf(field);
  }
}
