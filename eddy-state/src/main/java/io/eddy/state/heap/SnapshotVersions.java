package io.eddy.state.heap;

import io.eddy.api.types.TypeSerializer;
import io.eddy.api.types.TypeSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The snapshot clock of one heap backend: entries written before the latest snapshot must not be
 * mutated while that snapshot is being written, so the maps copy them on first read
 * ({@link #copy}) as long as {@link #writing()} is true. The task thread advances the version;
 * asynchronous writers only count themselves in and out.
 */
final class SnapshotVersions {
  private final AtomicInteger writers = new AtomicInteger();
  private int current;
  private final TypeSerializer<Object> serializer = TypeSerializers.generic();

  int current() {
    return current;
  }

  boolean writing() {
    return writers.get() > 0;
  }

  /** Starts a snapshot: later writes get a newer version. Pair with {@link #finished()}. */
  void started() {
    current++;
    writers.incrementAndGet();
  }

  void finished() {
    writers.decrementAndGet();
  }

  /** A deep copy of a state object, made through its serialized form. */
  Object copy(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof String || value instanceof Double
        || value instanceof Record && isShallowImmutable(value)) {
      return value;
    }
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      serializer.serialize(value, new DataOutputStream(bytes));
      return serializer.deserialize(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy state for a snapshot: " + e.getMessage(), e);
    }
  }

  /** Records whose components are all immutable values need no copy. */
  private static boolean isShallowImmutable(Object record) {
    for (var c : record.getClass().getRecordComponents()) {
      Class<?> t = c.getType();
      if (!(t.isPrimitive() || t == String.class || t == Long.class || t == Integer.class || t == Double.class)) {
        return false;
      }
    }
    return true;
  }
}
