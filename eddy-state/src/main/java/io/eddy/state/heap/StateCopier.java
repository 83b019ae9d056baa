package io.eddy.state.heap;

import io.eddy.api.tuple.Tuple;
import io.eddy.api.tuple.Tuple2;
import io.eddy.api.tuple.Tuple3;
import io.eddy.api.types.TypeSerializer;
import io.eddy.api.types.TypeSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deep copies of state objects for copy-on-read during snapshots. Immutable values (strings,
 * boxed numbers, enums, records of immutable components) are shared; arrays, lists, maps and
 * tuples are copied structurally; anything else goes through the generic serializer. Fast
 * paths matter: while a snapshot is written, every entry touched is copied once.
 */
final class StateCopier {
  private static final TypeSerializer<Object> GENERIC = TypeSerializers.generic();
  private static final Map<Class<?>, Boolean> IMMUTABLE_RECORDS = new ConcurrentHashMap<>();

  private StateCopier() {}

  static Object copy(Object value) {
    return switch (value) {
      case null -> null;
      case String s -> s;
      case Long l -> l;
      case Integer i -> i;
      case Double d -> d;
      case Boolean b -> b;
      case Short s -> s;
      case Byte b -> b;
      case Float f -> f;
      case Character c -> c;
      case BigDecimal d -> d;
      case BigInteger i -> i;
      case Enum<?> e -> e;
      case byte[] a -> a.clone();
      case long[] a -> a.clone();
      case int[] a -> a.clone();
      case double[] a -> a.clone();
      case ArrayList<?> list -> copyList(list);
      case HashMap<?, ?> map -> copyMap(map);
      case Tuple2<?, ?> t when t.getClass() == Tuple2.class -> new Tuple2<>(copy(t.f0), copy(t.f1));
      case Tuple3<?, ?, ?> t when t.getClass() == Tuple3.class -> new Tuple3<>(copy(t.f0), copy(t.f1), copy(t.f2));
      case Tuple t when t.getClass().getPackage() == Tuple.class.getPackage() -> copyTuple(t);
      case Record r when isImmutable(r.getClass()) -> r;
      default -> viaSerializer(value);
    };
  }

  private static Tuple copyTuple(Tuple t) {
    Tuple copy = t.copy();
    for (int i = 0; i < t.getArity(); i++) {
      copy.setField(copy(t.getField(i)), i);
    }
    return copy;
  }

  private static ArrayList<Object> copyList(ArrayList<?> list) {
    ArrayList<Object> copy = new ArrayList<>(list.size());
    for (Object o : list) {
      copy.add(copy(o));
    }
    return copy;
  }

  private static HashMap<Object, Object> copyMap(HashMap<?, ?> map) {
    HashMap<Object, Object> copy = new HashMap<>(Math.max(4, map.size() * 2));
    map.forEach((k, v) -> copy.put(k, copy(v)));
    return copy;
  }

  /** A record whose components are all immutable types (recursively) can be shared. */
  private static boolean isImmutable(Class<?> type) {
    return IMMUTABLE_RECORDS.computeIfAbsent(type, t -> {
      for (RecordComponent c : t.getRecordComponents()) {
        Class<?> ct = c.getType();
        boolean leaf = ct.isPrimitive() || ct == String.class || ct == Long.class || ct == Integer.class
            || ct == Double.class || ct == Boolean.class || ct == Short.class || ct == Byte.class
            || ct == Float.class || ct == Character.class || ct == BigDecimal.class || ct == BigInteger.class
            || ct.isEnum() || ct == java.time.LocalDateTime.class || ct == java.time.Instant.class
            || ct == java.time.LocalDate.class;
        if (!leaf && !(ct.isRecord() && ct != t && isImmutable(ct))) {
          return false;
        }
      }
      return true;
    });
  }

  private static Object viaSerializer(Object value) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      GENERIC.serialize(value, new DataOutputStream(bytes));
      return GENERIC.deserialize(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy state for a snapshot: " + e.getMessage(), e);
    }
  }
}
