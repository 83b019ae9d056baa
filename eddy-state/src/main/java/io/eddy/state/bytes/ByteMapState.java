package io.eddy.state.bytes;

import io.eddy.api.types.TypeSerializer;
import io.eddy.state.InternalStates.InternalMapState;
import io.eddy.state.KeyGroupStreamFormat;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Map state as one store entry per user key: {@code [keyGroup][key][namespace][userKey] ->
 * value bytes + a trailing null flag} (the flag trails so that a TTL timestamp stays at the
 * front of the value). Point operations touch one entry; iteration scans the (key, namespace)
 * prefix, which is unambiguous because keys and namespaces serialize prefix-free.
 */
final class ByteMapState<K, N, UK, UV> extends AbstractByteState<K, N> implements InternalMapState<N, UK, UV> {
  private static final byte PRESENT = 0;
  private static final byte NULL = 1;

  final TypeSerializer<UK> userKeySerializer;
  private final TypeSerializer<UV> valueSerializer;

  ByteMapState(ByteKeyedStateBackend<K> backend, KvColumn column, TypeSerializer<N> namespaceSerializer,
      N defaultNamespace, TypeSerializer<UK> userKeySerializer, TypeSerializer<UV> valueSerializer) {
    super(backend, column, namespaceSerializer, defaultNamespace);
    this.userKeySerializer = userKeySerializer;
    this.valueSerializer = valueSerializer;
  }

  @Override
  public UV get(UK key) throws IOException {
    byte[] bytes = column.get(keyWithUserKey(namespace, userKeySerializer, key));
    return bytes == null ? null : decodeValue(bytes);
  }

  @Override
  public void put(UK key, UV value) {
    put(keyWithUserKey(namespace, userKeySerializer, key), encodeValue(value));
  }

  @Override
  public void putAll(Map<UK, UV> map) {
    for (Map.Entry<UK, UV> e : map.entrySet()) {
      put(e.getKey(), e.getValue());
    }
  }

  @Override
  public void remove(UK key) {
    delete(keyWithUserKey(namespace, userKeySerializer, key));
  }

  @Override
  public boolean contains(UK key) throws IOException {
    return column.get(keyWithUserKey(namespace, userKeySerializer, key)) != null;
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries() throws IOException {
    List<Map.Entry<UK, UV>> entries = load();
    return () -> new RemovingIterator(entries.iterator());
  }

  @Override
  public Iterable<UK> keys() throws IOException {
    return load().stream().map(Map.Entry::getKey).toList();
  }

  @Override
  public Iterable<UV> values() throws IOException {
    return load().stream().map(Map.Entry::getValue).toList();
  }

  @Override
  public Iterator<Map.Entry<UK, UV>> iterator() throws IOException {
    return entries().iterator();
  }

  @Override
  public boolean isEmpty() throws IOException {
    try (KvCursor cursor = column.scan(currentKey())) {
      return !cursor.next();
    }
  }

  @Override
  public void clear() {
    byte[] prefix = currentKey();
    try (KvCursor cursor = column.scan(prefix)) {
      while (cursor.next()) {
        column.delete(cursor.key());
      }
    } catch (IOException e) {
      throw failure("clear", e);
    }
  }

  /** The entries of the current (key, namespace), read through one prefix scan. */
  private List<Map.Entry<UK, UV>> load() throws IOException {
    byte[] prefix = currentKey();
    List<Map.Entry<UK, UV>> entries = new ArrayList<>();
    try (KvCursor cursor = column.scan(prefix)) {
      while (cursor.next()) {
        byte[] key = cursor.key();
        UK userKey = ByteCodec.fromBytes(userKeySerializer, key, prefix.length, key.length - prefix.length);
        entries.add(new WritingEntry(userKey, decodeValue(cursor.value())));
      }
    }
    return entries;
  }

  /**
   * The canonical value of a (key, namespace) is its whole map as a {@code HashMap}: the stored
   * entries of one (key, namespace) are adjacent (their keys share its prefix), so they are
   * gathered while scanning.
   */
  @Override
  int writeCanonical(int keyGroup, DataOutputStream out) throws IOException {
    int count = 0;
    byte[] prefix = null;
    StoredKey owner = null;
    HashMap<UK, UV> map = null;
    try (KvCursor cursor = column.scan(keyGroupPrefix(keyGroup))) {
      while (cursor.next()) {
        byte[] stored = cursor.key();
        if (prefix == null || stored.length < prefix.length
            || !Arrays.equals(stored, 0, prefix.length, prefix, 0, prefix.length)) {
          if (owner != null) {
            KeyGroupStreamFormat.writeEntry(out, owner.key(), owner.namespace(), map);
            count++;
          }
          owner = parseKey(stored);
          prefix = Arrays.copyOf(stored, owner.endOfNamespace());
          map = new HashMap<>();
        }
        UK userKey = ByteCodec.fromBytes(userKeySerializer, stored, prefix.length, stored.length - prefix.length);
        map.put(userKey, decodeValue(cursor.value()));
      }
    }
    if (owner != null) {
      KeyGroupStreamFormat.writeEntry(out, owner.key(), owner.namespace(), map);
      count++;
    }
    return count;
  }

  @Override
  @SuppressWarnings("unchecked")
  void restoreCanonical(Object map) {
    putAll((Map<UK, UV>) map);
  }

  byte[] encodeValue(UV value) {
    if (value == null) {
      return new byte[] {NULL};
    }
    values.reset(0);
    try {
      valueSerializer.serialize(value, values.out());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Cannot serialize map value " + value + ": " + e.getMessage(), e);
    }
    values.write(PRESENT);
    return values.toArray();
  }

  UV decodeValue(byte[] bytes) {
    return bytes[bytes.length - 1] == NULL ? null : ByteCodec.fromBytes(valueSerializer, bytes, 0, bytes.length - 1);
  }

  /** A loaded entry whose {@code setValue} writes through to the store, as on the heap. */
  private final class WritingEntry extends AbstractMap.SimpleEntry<UK, UV> {
    WritingEntry(UK key, UV value) {
      super(key, value);
    }

    @Override
    public UV setValue(UV value) {
      ByteMapState.this.put(getKey(), value);
      return super.setValue(value);
    }
  }

  /** Iterates over loaded entries; {@code remove()} deletes the entry from the store. */
  private final class RemovingIterator implements Iterator<Map.Entry<UK, UV>> {
    private final Iterator<Map.Entry<UK, UV>> entries;
    private Map.Entry<UK, UV> last;

    RemovingIterator(Iterator<Map.Entry<UK, UV>> entries) {
      this.entries = entries;
    }

    @Override
    public boolean hasNext() {
      return entries.hasNext();
    }

    @Override
    public Map.Entry<UK, UV> next() {
      last = entries.next();
      return last;
    }

    @Override
    public void remove() {
      if (last == null) {
        throw new IllegalStateException("next() has not been called");
      }
      ByteMapState.this.remove(last.getKey());
      last = null;
    }
  }
}
