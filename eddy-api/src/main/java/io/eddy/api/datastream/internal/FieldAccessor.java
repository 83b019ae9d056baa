package io.eddy.api.datastream.internal;

import io.eddy.api.tuple.Tuple;
import io.eddy.api.types.TypeSerializer;
import io.eddy.api.types.TypeSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

/**
 * Reads and replaces one field of a record-like value by name: a tuple position ("0", "f1"), a
 * Java record component or a POJO field. Replacing returns a new value; the input is never mutated.
 */
final class FieldAccessor implements Serializable {
  private final String field;

  FieldAccessor(String field) {
    this.field = field;
  }

  Object get(Object value) {
    if (value instanceof Tuple t) {
      return t.getField(tuplePosition(t.getArity()));
    }
    if (value instanceof Record r) {
      try {
        return component(r.getClass()).getAccessor().invoke(r);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot read field " + field + " of " + r.getClass().getName(), e);
      }
    }
    if (value != null) {
      try {
        return pojoField(value.getClass()).get(value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read field " + field + " of " + value.getClass().getName(), e);
      }
    }
    throw unsupported(value);
  }

  @SuppressWarnings("unchecked")
  <T> T with(T value, Object fieldValue) {
    if (value instanceof Tuple t) {
      Tuple copy = t.copy();
      copy.setField(fieldValue, tuplePosition(t.getArity()));
      return (T) copy;
    }
    if (value instanceof Record r) {
      return (T) withComponent(r, fieldValue);
    }
    if (value != null) {
      return withPojoField(value, fieldValue);
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

  /** A copy of a POJO (through the generic serializer, so nested objects are not shared) with the field replaced. */
  @SuppressWarnings("unchecked")
  private <T> T withPojoField(T value, Object fieldValue) {
    Field f = pojoField(value.getClass());
    TypeSerializer<Object> serializer = TypeSerializers.generic();
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      serializer.serialize(value, new DataOutputStream(bytes));
      T copy = (T) serializer.deserialize(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      f.set(copy, fieldValue);
      return copy;
    } catch (IOException | IllegalAccessException e) {
      throw new IllegalStateException("Cannot copy " + value.getClass().getName() + " to replace field " + field, e);
    }
  }

  private Field pojoField(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(field);
        if (!Modifier.isStatic(f.getModifiers())) {
          f.setAccessible(true);
          return f;
        }
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new IllegalArgumentException("Field aggregation by '" + field + "': " + type.getName() + " has no such field");
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
    return new IllegalArgumentException("Field aggregation by '" + field + "' needs a tuple, a record or a POJO, got "
        + (value == null ? "null" : value.getClass().getName()));
  }
}
