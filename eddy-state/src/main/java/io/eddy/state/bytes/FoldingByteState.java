package io.eddy.state.bytes;

import io.eddy.api.types.TypeSerializer;
import io.eddy.state.InternalMergingState;
import java.util.Collection;

/**
 * The shared part of reducing and aggregating state: one serialized accumulator per (key,
 * namespace), folded read-modify-write, and merged across namespaces for session windows.
 */
abstract class FoldingByteState<K, N, A> extends AbstractByteState<K, N> implements InternalMergingState<N> {
  private final TypeSerializer<A> serializer;

  FoldingByteState(ByteKeyedStateBackend<K> backend, KvColumn column, TypeSerializer<N> namespaceSerializer,
      N defaultNamespace, TypeSerializer<A> serializer) {
    super(backend, column, namespaceSerializer, defaultNamespace);
    this.serializer = serializer;
  }

  /** Combines two accumulators. */
  protected abstract A merge(A a, A b) throws Exception;

  protected A accumulator() {
    byte[] bytes = getIn(namespace);
    return bytes == null ? null : ByteCodec.fromBytes(serializer, bytes);
  }

  protected void setAccumulator(A accumulator) {
    put(currentKey(), ByteCodec.toBytes(serializer, accumulator, values));
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
    A merged = null;
    for (N source : sources) {
      byte[] bytes = getIn(source);
      if (bytes != null) {
        delete(keyIn(source));
        A acc = ByteCodec.fromBytes(serializer, bytes);
        merged = merged == null ? acc : merge(merged, acc);
      }
    }
    if (merged == null) {
      return;
    }
    byte[] existing = getIn(target);
    A result = existing == null ? merged : merge(ByteCodec.fromBytes(serializer, existing), merged);
    put(keyIn(target), ByteCodec.toBytes(serializer, result, values));
  }
}
