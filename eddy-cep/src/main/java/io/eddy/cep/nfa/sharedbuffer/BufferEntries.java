package io.eddy.cep.nfa.sharedbuffer;

import io.eddy.api.types.TypeSerializer;
import io.eddy.cep.nfa.DeweyNumber;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared buffer's entries as stored in keyed state: immutable records (every backend can
 * snapshot them) converted to and from the mutable {@link Lockable} forms the buffer works on,
 * with compact serializers for the byte backends.
 */
final class BufferEntries {
  private BufferEntries() {}

  /** A buffered event and how many nodes refer to it. */
  record StoredEvent<V>(V event, int refCount) {}

  /** A node's edges and how many runs and nodes refer to it. */
  record StoredNode(List<StoredEdge> edges, int refCount) {}

  record StoredEdge(NodeId target, DeweyNumber version, int refCount) {}

  static <V> StoredEvent<V> store(Lockable<V> event) {
    return new StoredEvent<>(event.element(), event.refCount());
  }

  static <V> Lockable<V> load(StoredEvent<V> event) {
    return new Lockable<>(event.event(), event.refCount());
  }

  static StoredNode storeNode(Lockable<SharedBufferNode> node) {
    List<StoredEdge> edges = new ArrayList<>(node.element().edges().size());
    for (Lockable<SharedBufferEdge> e : node.element().edges()) {
      edges.add(new StoredEdge(e.element().target(), e.element().version(), e.refCount()));
    }
    return new StoredNode(edges, node.refCount());
  }

  static Lockable<SharedBufferNode> loadNode(StoredNode node) {
    SharedBufferNode loaded = new SharedBufferNode();
    for (StoredEdge e : node.edges()) {
      loaded.edges().add(new Lockable<>(new SharedBufferEdge(e.target(), e.version()), e.refCount()));
    }
    return new Lockable<>(loaded, node.refCount());
  }

  static <V> TypeSerializer<StoredEvent<V>> eventSerializer(TypeSerializer<V> values) {
    return new TypeSerializer<>() {
      @Override
      public void serialize(StoredEvent<V> value, DataOutput out) throws IOException {
        out.writeInt(value.refCount());
        values.serialize(value.event(), out);
      }

      @Override
      public StoredEvent<V> deserialize(DataInput in) throws IOException {
        int refCount = in.readInt();
        return new StoredEvent<>(values.deserialize(in), refCount);
      }

      @Override
      public String name() {
        return "cep-buffered-event(" + values.name() + ")";
      }
    };
  }

  static final TypeSerializer<StoredNode> NODE_SERIALIZER = new TypeSerializer<>() {
    @Override
    public void serialize(StoredNode value, DataOutput out) throws IOException {
      out.writeInt(value.refCount());
      out.writeInt(value.edges().size());
      for (StoredEdge e : value.edges()) {
        out.writeInt(e.refCount());
        NodeId.SERIALIZER.serialize(e.target(), out);
        DeweyNumber.SERIALIZER.serialize(e.version(), out);
      }
    }

    @Override
    public StoredNode deserialize(DataInput in) throws IOException {
      int refCount = in.readInt();
      int n = in.readInt();
      List<StoredEdge> edges = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int edgeRefs = in.readInt();
        NodeId target = NodeId.SERIALIZER.deserialize(in);
        edges.add(new StoredEdge(target, DeweyNumber.SERIALIZER.deserialize(in), edgeRefs));
      }
      return new StoredNode(edges, refCount);
    }

    @Override
    public String name() {
      return "cep-shared-buffer-node";
    }
  };
}
