package io.eddy.api.types;

import io.eddy.api.windowing.TimeWindow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deep copies of records, where Flink would hand a consumer its own object: between chained
 * operators without object reuse (Flink's CopyingChainingOutput) and into every consumer task
 * (Flink serializes there), so a function that changes its input, or keeps emitting one object
 * it changes in between, sees what it would see in Flink.
 *
 * <p>How a class is copied is worked out once per class: values of immutable classes (strings,
 * boxed primitives, big numbers, java.time values, enums, and records or final classes whose
 * fields are all final and of such types) are shared; arrays, the common collections, records
 * and other classes are copied structurally (fields copied one by one, the object allocated as
 * Java serialization does, without running a constructor); classes whose fields cannot be
 * reached (of other JDK modules) go through the generic serializer and back. Object graphs with
 * cycles are not supported (as with Flink's POJO serializer). Thread-safe.
 */
public final class RecordCopier {
  private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Long.class, Integer.class, Double.class,
      Float.class, Short.class, Byte.class, Boolean.class, Character.class, BigDecimal.class, BigInteger.class,
      java.time.LocalDate.class, java.time.LocalDateTime.class, java.time.LocalTime.class, java.time.Instant.class,
      java.time.Duration.class, java.time.ZonedDateTime.class, java.time.OffsetDateTime.class, java.util.UUID.class,
      TimeWindow.class, Class.class);

  /** How to copy values of one class. */
  private interface Copier {
    Object copy(Object value);
  }

  private static final Copier SHARE = value -> value;

  private static final ClassValue<Copier> COPIERS = new ClassValue<>() {
    @Override
    protected Copier computeValue(Class<?> type) {
      return copierOf(type);
    }
  };

  private static final ClassValue<Boolean> IMMUTABLE_CLASS = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return immutable(type, new HashSet<>());
    }
  };

  private RecordCopier() {}

  /** A copy of {@code value} that shares nothing mutable with it (the value itself if it is immutable). */
  @SuppressWarnings("unchecked")
  public static <T> T copy(T value) {
    return value == null ? null : (T) COPIERS.get(value.getClass()).copy(value);
  }

  /** True if instances of {@code type} cannot change, so one may be shared by several consumers. */
  public static boolean isImmutable(Class<?> type) {
    return IMMUTABLE_CLASS.get(type);
  }

  private static boolean immutable(Class<?> type, Set<Class<?>> visiting) {
    if (type.isPrimitive() || IMMUTABLE.contains(type) || Enum.class.isAssignableFrom(type)) {
      return true;
    }
    if (type.isArray() || type.isInterface() || !Modifier.isFinal(type.getModifiers())
        || type.getName().startsWith("java.") || !visiting.add(type)) {
      return false;
    }
    for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers())
            && (!Modifier.isFinal(f.getModifiers()) || !immutable(f.getType(), visiting))) {
          return false;
        }
      }
    }
    return true;
  }

  private static Copier copierOf(Class<?> type) {
    if (isImmutable(type)) {
      return SHARE;
    }
    if (type.isArray()) {
      return arrayCopier(type.getComponentType());
    }
    if (type == Row.class) {
      return RecordCopier::copyRow;
    }
    if (type == ArrayList.class || type == LinkedList.class || type == HashSet.class || type == LinkedHashSet.class) {
      return value -> copyCollection(type, (Collection<?>) value);
    }
    if (type == HashMap.class || type == LinkedHashMap.class) {
      return value -> copyMap(type, (Map<?, ?>) value);
    }
    if (type.getName().startsWith("java.") || type.getName().startsWith("javax.") || type.isHidden()) {
      return RecordCopier::viaSerializer;
    }
    try {
      return type.isRecord() ? recordCopier(type) : fieldCopier(type);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return RecordCopier::viaSerializer;
    }
  }

  private static Copier arrayCopier(Class<?> component) {
    if (component.isPrimitive()) {
      return value -> {
        int n = Array.getLength(value);
        Object copy = Array.newInstance(component, n);
        System.arraycopy(value, 0, copy, 0, n);
        return copy;
      };
    }
    boolean share = isImmutable(component);
    return value -> {
      Object[] source = (Object[]) value;
      Object[] copy = source.clone();
      if (!share) {
        for (int i = 0; i < copy.length; i++) {
          copy[i] = copy(copy[i]);
        }
      }
      return copy;
    };
  }

  /**
   * Rows cross every exchange of a SQL job: copied directly (not field by field through
   * reflection), sharing the common immutable field values without a class lookup.
   */
  private static Object copyRow(Object value) {
    Row row = (Row) value;
    Object[] fields = new Object[row.getArity()];
    for (int i = 0; i < fields.length; i++) {
      Object field = row.getField(i);
      fields[i] = field == null || field instanceof String || field instanceof Long || field instanceof Integer
          || field instanceof java.time.LocalDateTime ? field : copy(field);
    }
    return Row.wrap(row.getKind(), fields);
  }

  @SuppressWarnings("unchecked")
  private static Object copyCollection(Class<?> type, Collection<?> source) {
    Collection<Object> copy = type == ArrayList.class ? new ArrayList<>(source.size())
        : type == LinkedList.class ? new LinkedList<>()
        : type == HashSet.class ? new HashSet<>() : new LinkedHashSet<>();
    for (Object element : source) {
      copy.add(copy(element));
    }
    return copy;
  }

  private static Object copyMap(Class<?> type, Map<?, ?> source) {
    Map<Object, Object> copy = type == HashMap.class ? new HashMap<>() : new LinkedHashMap<>();
    source.forEach((k, v) -> copy.put(copy(k), copy(v)));
    return copy;
  }

  private static Copier recordCopier(Class<?> type) throws ReflectiveOperationException {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      components[i].getAccessor().setAccessible(true);
    }
    Constructor<?> constructor = type.getDeclaredConstructor(types);
    constructor.setAccessible(true);
    return value -> {
      try {
        Object[] args = new Object[components.length];
        for (int i = 0; i < args.length; i++) {
          args[i] = copy(components[i].getAccessor().invoke(value));
        }
        return constructor.newInstance(args);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot copy a record of " + type.getName() + ": " + e, e);
      }
    };
  }

  /** Allocates without a constructor (as Java serialization does), then copies every field deeply. */
  private static Copier fieldCopier(Class<?> type) throws ReflectiveOperationException {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
      if (c.getName().startsWith("java.")) {
        throw new IllegalArgumentException("extends a JDK class");
      }
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers())) {
          f.setAccessible(true);
          fields.add(f);
        }
      }
    }
    Constructor<?> allocator = sun.reflect.ReflectionFactory.getReflectionFactory()
        .newConstructorForSerialization(type, Object.class.getDeclaredConstructor());
    Field[] all = fields.toArray(Field[]::new);
    return value -> {
      try {
        Object copy = allocator.newInstance();
        for (Field f : all) {
          f.set(copy, f.getType().isPrimitive() ? f.get(value) : copy(f.get(value)));
        }
        return copy;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot copy an object of " + type.getName() + ": " + e, e);
      }
    };
  }

  private static Object viaSerializer(Object value) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
      GenericSerializer.INSTANCE.serialize(value, new DataOutputStream(bytes));
      return GenericSerializer.INSTANCE.deserialize(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy a record of " + value.getClass().getName()
          + " for the next operator (pipeline.object-reuse is off): " + e.getMessage(), e);
    }
  }
}
