package io.eddy.cep.nfa.sharedbuffer;

import io.eddy.api.types.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Comparator;

/**
 * Identifies a buffered event: its timestamp and its arrival number among the events of that
 * timestamp. Ordered by (timestamp, id), which is the order the NFA saw the events in.
 */
public record EventId(int id, long timestamp) implements Comparable<EventId> {
  private static final Comparator<EventId> ORDER =
      Comparator.comparingLong(EventId::timestamp).thenComparingInt(EventId::id);

  public static final TypeSerializer<EventId> SERIALIZER = new TypeSerializer<>() {
    @Override
    public void serialize(EventId value, DataOutput out) throws IOException {
      out.writeInt(value.id);
      out.writeLong(value.timestamp);
    }

    @Override
    public EventId deserialize(DataInput in) throws IOException {
      int id = in.readInt();
      return new EventId(id, in.readLong());
    }

    @Override
    public String name() {
      return "cep-event-id";
    }
  };

  public long getTimestamp() {
    return timestamp;
  }

  @Override
  public int compareTo(EventId other) {
    return ORDER.compare(this, other);
  }
}
