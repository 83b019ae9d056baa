package io.eddy.api.datastream.internal;

import io.eddy.api.tuple.Tuple2;
import io.eddy.api.tuple.Tuple3;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

/**
 * Reads and replaces one field of a record-like value by name: a tuple position ("0", "f1") or
 * a Java record component. Replacing returns a new value; the input is never mutated.
 */
final class FieldAccessor implements Serializable {
  private final String field;

  FieldAccessor(String field) {
    this.field = field;
  }

  Object get(Object value) {
    if (value instanceof Tuple2<?, ?> t) {
      return tuplePosition(2) == 0 ? t.f0 : t.f1;
    }
    if (value instanceof Tuple3<?, ?, ?> t) {
      int pos = tuplePosition(3);
      return pos == 0 ? t.f0 : pos == 1 ? t.f1 : t.f2;
    }
    if (value instanceof Record r) {
      try {
        return component(r.getClass()).getAccessor().invoke(r);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot read field " + field + " of " + r.getClass().getName(), e);
      }
    }
    throw unsupported(value);
  }

  @SuppressWarnings("unchecked")
  <T> T with(T value, Object fieldValue) {
    if (value instanceof Tuple2<?, ?> t) {
      Tuple2<Object, Object> copy = new Tuple2<>(t.f0, t.f1);
      if (tuplePosition(2) == 0) copy.f0 = fieldValue; else copy.f1 = fieldValue;
      return (T) copy;
    }
    if (value instanceof Tuple3<?, ?, ?> t) {
      Tuple3<Object, Object, Object> copy = new Tuple3<>(t.f0, t.f1, t.f2);
      switch (tuplePosition(3)) {
        case 0 -> copy.f0 = fieldValue;
        case 1 -> copy.f1 = fieldValue;
        default -> copy.f2 = fieldValue;
      }
      return (T) copy;
    }
    if (value instanceof Record r) {
      return (T) withComponent(r, fieldValue);
    }
    throw unsupported(value);
  }

  private Record withComponent(Record r, Object fieldValue) {
    RecordComponent[] components = r.getClass().getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        var accessor = components[i].getAccessor();
        accessor.setAccessible(true);
        args[i] = components[i].getName().equals(field) ? fieldValue : accessor.invoke(r);
      }
      Constructor<?> canonical = r.getClass().getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return (Record) canonical.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot rebuild " + r.getClass().getName() + " with field " + field, e);
    }
  }

  private RecordComponent component(Class<?> type) {
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getName().equals(field)) {
        c.getAccessor().setAccessible(true);
        return c;
      }
    }
    throw new IllegalArgumentException("Record " + type.getName() + " has no component '" + field + "'");
  }

  private int tuplePosition(int arity) {
    String digits = field.startsWith("f") ? field.substring(1) : field;
    int pos;
    try {
      pos = Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Tuple field must be a position such as 0 or f0, got '" + field + "'");
    }
    if (pos < 0 || pos >= arity) {
      throw new IllegalArgumentException("Tuple" + arity + " has no position " + pos);
    }
    return pos;
  }

  private IllegalArgumentException unsupported(Object value) {
    return new IllegalArgumentException("Field aggregation by '" + field + "' needs a Tuple2, Tuple3 or a record, got "
        + (value == null ? "null" : value.getClass().getName()));
  }
}
