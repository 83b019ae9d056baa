package io.eddy.api.types;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;

/**
 * Turns values into bytes and back, for state backends that store bytes and for snapshots.
 * {@link #name()} is stable and written next to the bytes, so a mismatch on restore is detected
 * rather than misread. Implementations are stateless and thread-safe.
 */
public interface TypeSerializer<T> extends Serializable {
  void serialize(T value, DataOutput out) throws IOException;

  T deserialize(DataInput in) throws IOException;

  /** A stable identifier of the byte format, e.g. {@code "long"} or {@code "java:com.acme.Order"}. */
  String name();
}
