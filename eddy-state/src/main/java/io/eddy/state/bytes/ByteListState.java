package io.eddy.state.bytes;

import io.eddy.api.types.TypeSerializer;
import io.eddy.state.InternalStates.InternalListState;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * List state as one value per (key, namespace): the elements, each as {@code int length, bytes},
 * so that {@code add} is a blind {@link KvColumn#append} (no read) and the store may fold the
 * appends lazily.
 */
final class ByteListState<K, N, V> extends AbstractByteState<K, N> implements InternalListState<N, V> {
  private final TypeSerializer<V> serializer;

  ByteListState(ByteKeyedStateBackend<K> backend, KvColumn column, TypeSerializer<N> namespaceSerializer,
      N defaultNamespace, TypeSerializer<V> serializer) {
    super(backend, column, namespaceSerializer, defaultNamespace);
    this.serializer = serializer;
  }

  @Override
  public Iterable<V> get() {
    byte[] bytes = getIn(namespace);
    return bytes == null ? List.of() : decode(bytes);
  }

  @Override
  public void add(V value) {
    append(currentKey(), encode(List.of(requireNonNull(value))));
  }

  @Override
  public void update(List<V> list) {
    if (list == null || list.isEmpty()) {
      clear();
    } else {
      put(currentKey(), encode(list));
    }
  }

  @Override
  public void addAll(List<V> list) {
    if (list != null && !list.isEmpty()) {
      append(currentKey(), encode(list));
    }
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) {
    ByteBuilder merged = new ByteBuilder();
    for (N source : sources) {
      byte[] bytes = getIn(source);
      if (bytes != null) {
        delete(keyIn(source));
        merged.write(bytes, 0, bytes.length);
      }
    }
    if (merged.mark() > 0) {
      append(keyIn(target), merged.toArray());
    }
  }

  private void append(byte[] key, byte[] operand) {
    try {
      column.append(key, operand);
    } catch (IOException e) {
      throw failure("append to", e);
    }
  }

  /** The canonical value is the list as an {@code ArrayList}, which {@link #decode} returns. */
  @Override
  int writeCanonical(int keyGroup, DataOutputStream out) throws IOException {
    return writeCanonical(keyGroup, out, this::decode);
  }

  @Override
  @SuppressWarnings("unchecked")
  void restoreCanonical(Object list) {
    update((List<V>) list);
  }

  byte[] encode(List<V> list) {
    values.reset(0);
    try {
      for (V value : list) {
        int lengthAt = values.mark();
        values.out().writeInt(0);
        serializer.serialize(requireNonNull(value), values.out());
        int end = values.mark();
        values.reset(lengthAt);
        values.out().writeInt(end - lengthAt - 4);
        values.reset(end);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialize list element: " + e.getMessage(), e);
    }
    return values.toArray();
  }

  ArrayList<V> decode(byte[] bytes) {
    ArrayList<V> list = new ArrayList<>();
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      int length = buffer.getInt();
      list.add(ByteCodec.fromBytes(serializer, bytes, buffer.position(), length));
      buffer.position(buffer.position() + length);
    }
    return list;
  }

  static <T> T requireNonNull(T value) {
    if (value == null) {
      throw new NullPointerException("List state does not accept null elements");
    }
    return value;
  }
}
