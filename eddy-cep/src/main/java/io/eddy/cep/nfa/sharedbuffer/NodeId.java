package io.eddy.cep.nfa.sharedbuffer;

import io.eddy.api.types.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** A node of the shared buffer: an event as accepted by one pattern step ({@code pageName}). */
public record NodeId(EventId eventId, String pageName) {

  /** Writes null too (an edge to the start of a match has no target). */
  public static final TypeSerializer<NodeId> SERIALIZER = new TypeSerializer<>() {
    @Override
    public void serialize(NodeId value, DataOutput out) throws IOException {
      out.writeBoolean(value != null);
      if (value != null) {
        EventId.SERIALIZER.serialize(value.eventId, out);
        out.writeUTF(value.pageName);
      }
    }

    @Override
    public NodeId deserialize(DataInput in) throws IOException {
      if (!in.readBoolean()) {
        return null;
      }
      EventId eventId = EventId.SERIALIZER.deserialize(in);
      return new NodeId(eventId, in.readUTF());
    }

    @Override
    public String name() {
      return "cep-node-id";
    }
  };
}
