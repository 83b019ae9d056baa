package io.eddy.state.bytes;

import io.eddy.api.types.TypeSerializer;
import io.eddy.state.InternalMergingState;
import java.io.DataOutputStream;
import java.io.IOException;
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

  /** The accumulator after adding {@code input} to {@code accumulator} (null: nothing added yet). */
  abstract A fold(A accumulator, Object input) throws Exception;

  /** What {@code get()} returns for a stored accumulator. */
  abstract Object result(A accumulator);

  @Override
  int writeCanonical(int keyGroup, DataOutputStream out) throws IOException {
    return writeCanonical(keyGroup, out, this::decodeAccumulator);
  }

  @Override
  @SuppressWarnings("unchecked")
  void restoreCanonical(Object accumulator) {
    setAccumulator((A) accumulator);
  }

  A decodeAccumulator(byte[] bytes) {
    return ByteCodec.fromBytes(serializer, bytes);
  }

  byte[] encodeAccumulator(A accumulator) {
    return ByteCodec.toBytes(serializer, accumulator, values);
  }

  protected A accumulator() {
    byte[] bytes = getIn(namespace);
    return bytes == null ? null : decodeAccumulator(bytes);
  }

  protected void setAccumulator(A accumulator) {
    put(currentKey(), encodeAccumulator(accumulator));
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
