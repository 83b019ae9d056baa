package io.eddy.cep.nfa.sharedbuffer;

import io.eddy.api.types.TypeSerializer;
import io.eddy.cep.nfa.DeweyNumber;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The outgoing edges of a shared-buffer node, each reference counted. Mutable. */
public final class SharedBufferNode {
  private final List<Lockable<SharedBufferEdge>> edges;

  public SharedBufferNode() {
    this(new ArrayList<>());
  }

  private SharedBufferNode(List<Lockable<SharedBufferEdge>> edges) {
    this.edges = edges;
  }

  public List<Lockable<SharedBufferEdge>> edges() {
    return edges;
  }

  public void addEdge(SharedBufferEdge edge) {
    edges.add(new Lockable<>(edge, 0));
  }

  public static final TypeSerializer<SharedBufferNode> SERIALIZER = new TypeSerializer<>() {
    @Override
    public void serialize(SharedBufferNode value, DataOutput out) throws IOException {
      out.writeInt(value.edges.size());
      for (Lockable<SharedBufferEdge> e : value.edges) {
        out.writeInt(e.refCount());
        NodeId.SERIALIZER.serialize(e.element().target(), out);
        DeweyNumber.SERIALIZER.serialize(e.element().version(), out);
      }
    }

    @Override
    public SharedBufferNode deserialize(DataInput in) throws IOException {
      int n = in.readInt();
      List<Lockable<SharedBufferEdge>> edges = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int refCount = in.readInt();
        NodeId target = NodeId.SERIALIZER.deserialize(in);
        edges.add(new Lockable<>(new SharedBufferEdge(target, DeweyNumber.SERIALIZER.deserialize(in)), refCount));
      }
      return new SharedBufferNode(edges);
    }

    @Override
    public String name() {
      return "cep-shared-buffer-node";
    }
  };

  @Override
  public String toString() {
    return "Node" + edges;
  }
}
