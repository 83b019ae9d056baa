package io.eddy.api.types;

import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to take an object of a user class apart field by field and build it again. Flink
 * serializes POJOs (public class, public no-argument constructor, every field public or with a
 * getter and setter) field by field, and other classes through Kryo without needing them to be
 * Serializable; this does both for the generic serializer. A Serializable class that is not a
 * POJO keeps Java serialization (its writeObject/readObject hooks stay in force). JDK classes,
 * collections, arrays and inner classes that capture an enclosing instance are never taken
 * apart. Fields are in name order, as Flink's POJO serializer orders them.
 */
final class FieldShape {
  private static final ClassValue<Optional<FieldShape>> SHAPES = new ClassValue<>() {
    @Override
    protected Optional<FieldShape> computeValue(Class<?> type) {
      return Optional.ofNullable(build(type));
    }
  };

  private final Field[] fields;
  private final Constructor<?> constructor;

  private FieldShape(Field[] fields, Constructor<?> constructor) {
    this.fields = fields;
    this.constructor = constructor;
  }

  /** The shape of {@code type}, or null when its values go through Java serialization. */
  static FieldShape of(Class<?> type) {
    return SHAPES.get(type).orElse(null);
  }

  Field[] fields() {
    return fields;
  }

  Object newInstance() throws ReflectiveOperationException {
    return constructor.newInstance();
  }

  /** Whether Flink would treat {@code type} as a POJO. */
  static boolean isPojo(Class<?> type) {
    if (!Modifier.isPublic(type.getModifiers()) || !canTakeApart(type)) {
      return false;
    }
    try {
      if (!Modifier.isPublic(type.getConstructor().getModifiers())) {
        return false;
      }
    } catch (NoSuchMethodException e) {
      return false;
    }
    List<Field> fields = instanceFields(type);
    return !fields.isEmpty() && fields.stream().allMatch(FieldShape::isPojoField);
  }

  private static FieldShape build(Class<?> type) {
    if (!canTakeApart(type) || (Serializable.class.isAssignableFrom(type) && !isPojo(type))) {
      return null;
    }
    List<Field> fields = instanceFields(type);
    if (fields.isEmpty()) {
      return null;
    }
    try {
      for (Field f : fields) {
        f.setAccessible(true);
      }
      return new FieldShape(fields.toArray(Field[]::new), instantiator(type));
    } catch (RuntimeException | ReflectiveOperationException e) {
      return null;
    }
  }

  private static boolean canTakeApart(Class<?> type) {
    String name = type.getName();
    boolean jdk = name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
        || name.startsWith("sun.") || name.startsWith("com.sun.");
    boolean capturesOuter = (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))
        || type.isLocalClass() || type.isAnonymousClass();
    return !jdk && !capturesOuter && !type.isArray() && !type.isInterface() && !type.isHidden()
        && !Modifier.isAbstract(type.getModifiers())
        && !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type);
  }

  private static List<Field> instanceFields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        int m = f.getModifiers();
        if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !f.isSynthetic()) {
          fields.add(f);
        }
      }
    }
    fields.sort(Comparator.comparing(Field::getName).thenComparing(f -> f.getDeclaringClass().getName()));
    return fields;
  }

  private static boolean isPojoField(Field f) {
    int m = f.getModifiers();
    if (Modifier.isFinal(m)) {
      return false;
    }
    if (Modifier.isPublic(m)) {
      return true;
    }
    String suffix = Character.toUpperCase(f.getName().charAt(0)) + f.getName().substring(1);
    Class<?> owner = f.getDeclaringClass();
    boolean getter = hasPublicMethod(owner, "get" + suffix)
        || (f.getType() == boolean.class || f.getType() == Boolean.class) && hasPublicMethod(owner, "is" + suffix);
    return getter && hasPublicMethod(owner, "set" + suffix, f.getType());
  }

  private static boolean hasPublicMethod(Class<?> owner, String name, Class<?>... parameters) {
    try {
      Method m = owner.getMethod(name, parameters);
      return Modifier.isPublic(m.getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** The no-argument constructor, or, as Kryo's fallback does, one that runs Object's only. */
  private static Constructor<?> instantiator(Class<?> type) throws ReflectiveOperationException {
    try {
      Constructor<?> c = type.getDeclaredConstructor();
      c.setAccessible(true);
      return c;
    } catch (NoSuchMethodException e) {
      Constructor<?> c = sun.reflect.ReflectionFactory.getReflectionFactory()
          .newConstructorForSerialization(type, Object.class.getDeclaredConstructor());
      c.setAccessible(true);
      return c;
    }
  }
}
