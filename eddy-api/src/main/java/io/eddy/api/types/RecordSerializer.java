package io.eddy.api.types;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * The serializer of a Java record class known when the state is declared (Flink serializes
 * records with its PojoSerializer): a presence byte, then the components in declaration order,
 * primitives and strings in their basic form (boxed ones and strings after a null flag), other
 * components with the generic serializer. Unlike the generic serializer, which must name the
 * class in every value, it writes no class name and looks no class up when reading: state of
 * records costs about what their fields cost. Records are final, so every non-null value has
 * exactly this class. Thread-safe.
 */
final class RecordSerializer<T> implements TypeSerializer<T> {
  private static final long serialVersionUID = 1L;
  private static final byte NULL = 0, PRESENT = 1;

  private final Class<T> type;
  /** Built once, and again after this serializer is deserialized (final fields: safely shared). */
  private transient Shape shape;

  /** One record component: how to read it from the record, and how it is written. */
  private record Component(MethodHandle accessor, TypeSerializer<Object> serializer, boolean nullable) {}

  /** The components and the canonical constructor taking them as an array. */
  private record Shape(Component[] components, MethodHandle constructor) {}

  RecordSerializer(Class<T> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record");
    }
    this.type = type;
    shape();
  }

  @Override
  public String name() {
    return "record:" + type.getName();
  }

  @Override
  public void serialize(T value, DataOutput out) throws IOException {
    if (value == null) {
      out.writeByte(NULL);
      return;
    }
    out.writeByte(PRESENT);
    try {
      for (Component c : shape().components()) {
        Object field = (Object) c.accessor().invokeExact((Object) value);
        if (c.nullable()) {
          if (field == null) {
            out.writeByte(NULL);
            continue;
          }
          out.writeByte(PRESENT);
        }
        c.serializer().serialize(field, out);
      }
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IOException("Cannot read record " + type.getName(), e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(DataInput in) throws IOException {
    byte presence = in.readByte();
    if (presence == NULL) {
      return null;
    }
    if (presence != PRESENT) {
      throw new IOException("Corrupt data: record " + type.getName() + " starts with " + presence);
    }
    Shape shape = shape();
    Component[] components = shape.components();
    Object[] args = new Object[components.length];
    for (int i = 0; i < args.length; i++) {
      Component c = components[i];
      args[i] = c.nullable() && in.readByte() == NULL ? null : c.serializer().deserialize(in);
    }
    try {
      return (T) shape.constructor().invokeExact(args);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IOException("Cannot rebuild record " + type.getName(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private Shape shape() {
    Shape known = shape;
    if (known != null) {
      return known;
    }
    RecordComponent[] recordComponents = type.getRecordComponents();
    Component[] components = new Component[recordComponents.length];
    Class<?>[] types = new Class<?>[recordComponents.length];
    try {
      for (int i = 0; i < recordComponents.length; i++) {
        Class<?> componentType = recordComponents[i].getType();
        types[i] = componentType;
        Method accessor = recordComponents[i].getAccessor();
        accessor.setAccessible(true);
        TypeSerializer<?> basic = TypeSerializers.basicOf(componentType);
        components[i] = new Component(
            MethodHandles.lookup().unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class)),
            (TypeSerializer<Object>) (basic != null ? basic : TypeSerializers.generic()),
            basic != null && !componentType.isPrimitive());
      }
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      MethodHandle constructor = MethodHandles.lookup().unreflectConstructor(canonical)
          .asSpreader(Object[].class, types.length)
          .asType(MethodType.methodType(Object.class, Object[].class));
      known = new Shape(components, constructor);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("Cannot serialize record " + type.getName() + " by its components: " + e, e);
    }
    shape = known;
    return known;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordSerializer<?> other && other.type == type;
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public String toString() {
    return name();
  }
}
