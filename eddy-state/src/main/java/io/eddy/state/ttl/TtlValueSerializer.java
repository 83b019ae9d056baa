package io.eddy.state.ttl;

import io.eddy.api.types.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Serializes a {@link TtlValue}: the timestamp, then the value with its own serializer. */
final class TtlValueSerializer<V> implements TypeSerializer<TtlValue<V>> {
  private final TypeSerializer<V> valueSerializer;

  TtlValueSerializer(TypeSerializer<V> valueSerializer) {
    this.valueSerializer = valueSerializer;
  }

  @Override
  public void serialize(TtlValue<V> value, DataOutput out) throws IOException {
    out.writeLong(value.lastAccessTimestamp());
    valueSerializer.serialize(value.value(), out);
  }

  @Override
  public TtlValue<V> deserialize(DataInput in) throws IOException {
    long ts = in.readLong();
    return new TtlValue<>(valueSerializer.deserialize(in), ts);
  }

  @Override
  public String name() {
    return "ttl(" + valueSerializer.name() + ")";
  }
}
