package io.eddy.cep.nfa.sharedbuffer;

import java.util.ArrayList;
import java.util.List;

/** The outgoing edges of a shared-buffer node, each reference counted. Mutable; stored as {@link BufferEntries.StoredNode}. */
public final class SharedBufferNode {
  private final List<Lockable<SharedBufferEdge>> edges;

  public SharedBufferNode() {
    this.edges = new ArrayList<>();
  }

  public List<Lockable<SharedBufferEdge>> edges() {
    return edges;
  }

  public void addEdge(SharedBufferEdge edge) {
    edges.add(new Lockable<>(edge, 0));
  }

  @Override
  public String toString() {
    return "Node" + edges;
  }
}
