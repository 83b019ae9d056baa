package io.eddy.state.bytes;

import io.eddy.api.types.TypeSerializer;
import io.eddy.state.InternalKvState;
import io.eddy.state.KeyGroupStreamFormat;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Shared part of the states of {@link ByteKeyedStateBackend}: the column, the current namespace
 * and the composite key {@code [keyGroup:2][key][namespace]} of the current key. The namespace's
 * bytes are cached while it does not change, the key's by the backend. Each state also converts
 * its stored entries to and from the canonical form of savepoints ({@link KeyGroupStreamFormat}).
 */
abstract class AbstractByteState<K, N> implements InternalKvState<N> {
  protected final ByteKeyedStateBackend<K> backend;
  protected final KvColumn column;
  protected final ByteBuilder values = new ByteBuilder();
  private final TypeSerializer<N> namespaceSerializer;
  private final ByteBuilder keys = new ByteBuilder();
  private final ByteBuilder namespaces = new ByteBuilder();
  protected N namespace;
  private N cachedNamespace;
  private byte[] cachedNamespaceBytes;
  /** What {@link #keyIn} built last, and of which key and namespace bytes. */
  private byte[] lastKey;
  private byte[] lastKeyBytes;
  private byte[] lastNamespaceBytes;
  /** Of which key and namespace bytes {@link #keys} holds the prefix, up to {@code prefixEnd}. */
  private byte[] prefixKeyBytes;
  private byte[] prefixNamespaceBytes;
  private int prefixEnd;

  AbstractByteState(ByteKeyedStateBackend<K> backend, KvColumn column, TypeSerializer<N> namespaceSerializer,
      N defaultNamespace) {
    this.backend = backend;
    this.column = column;
    this.namespaceSerializer = namespaceSerializer;
    this.namespace = defaultNamespace;
  }

  /** Where a stored key's parts are: the key, the namespace, and the offset of what follows them. */
  record StoredKey(Object key, Object namespace, int endOfNamespace) {}

  StoredKey parseKey(byte[] stored) throws IOException {
    ByteReader in = new ByteReader(stored, 2, stored.length - 2);
    Object key = ByteKeyedStateBackend.KEY_SERIALIZER.deserialize(in);
    N ns = namespaceSerializer.deserialize(in);
    return new StoredKey(key, ns, in.position());
  }

  static byte[] keyGroupPrefix(int keyGroup) {
    return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup};
  }

  /**
   * Writes this state's entries of one key group in the canonical form (key, namespace, the
   * value as the hashmap backend holds it) and returns how many it wrote.
   */
  abstract int writeCanonical(int keyGroup, DataOutputStream out) throws IOException;

  /** Stores a value in the canonical form under the current key and namespace. */
  abstract void restoreCanonical(Object value);

  /** {@link #writeCanonical} for states with one stored entry per (key, namespace). */
  int writeCanonical(int keyGroup, DataOutputStream out, Function<byte[], Object> canonicalValue) throws IOException {
    int count = 0;
    try (KvCursor cursor = column.scan(keyGroupPrefix(keyGroup))) {
      while (cursor.next()) {
        StoredKey stored = parseKey(cursor.key());
        KeyGroupStreamFormat.writeEntry(out, stored.key(), stored.namespace(), canonicalValue.apply(cursor.value()));
        count++;
      }
    }
    return count;
  }

  @Override
  public void setCurrentNamespace(N namespace) {
    this.namespace = namespace;
  }

  /** {@code [keyGroup][key][namespace]} of the current key in the current namespace. */
  protected byte[] currentKey() {
    return keyIn(namespace);
  }

  /**
   * The array is the same as last time while the key and the namespace are (a read-modify-write
   * builds it once); callers only read it, as {@link KvColumn} promises.
   */
  protected byte[] keyIn(N ns) {
    byte[] key = backend.currentKeyBytes();
    byte[] nsBytes = namespaceBytes(ns);
    if (key != lastKeyBytes || nsBytes != lastNamespaceBytes) {
      prefix(key, nsBytes);
      lastKey = keys.toArray();
      lastKeyBytes = key;
      lastNamespaceBytes = nsBytes;
    }
    return lastKey;
  }

  /** {@code [keyGroup][key][namespace][userKey]}. */
  protected <UK> byte[] keyWithUserKey(N ns, TypeSerializer<UK> userKeySerializer, UK userKey) {
    prefix(backend.currentKeyBytes(), namespaceBytes(ns));
    try {
      userKeySerializer.serialize(userKey, keys.out());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialize map key " + userKey + ": " + e.getMessage(), e);
    }
    return keys.toArray();
  }

  /** Leaves {@code [keyGroup][key][namespace]} in {@link #keys}, written again only when the key or namespace changed. */
  private void prefix(byte[] key, byte[] nsBytes) {
    if (key == prefixKeyBytes && nsBytes == prefixNamespaceBytes) {
      keys.reset(prefixEnd);
      return;
    }
    keys.reset(0);
    keys.writeShort(backend.getCurrentKeyGroup());
    keys.write(key, 0, key.length);
    keys.write(nsBytes, 0, nsBytes.length);
    prefixEnd = keys.mark();
    prefixKeyBytes = key;
    prefixNamespaceBytes = nsBytes;
  }

  private byte[] namespaceBytes(N ns) {
    if (cachedNamespaceBytes == null || (ns != cachedNamespace && !Objects.equals(ns, cachedNamespace))) {
      cachedNamespaceBytes = ByteCodec.toBytes(namespaceSerializer, ns, namespaces);
      cachedNamespace = ns;
    }
    return cachedNamespaceBytes;
  }

  protected byte[] getIn(N ns) {
    try {
      return column.get(keyIn(ns));
    } catch (IOException e) {
      throw failure("read", e);
    }
  }

  protected void put(byte[] key, byte[] value) {
    try {
      column.put(key, value);
    } catch (IOException e) {
      throw failure("write", e);
    }
  }

  protected void delete(byte[] key) {
    try {
      column.delete(key);
    } catch (IOException e) {
      throw failure("delete", e);
    }
  }

  protected UncheckedIOException failure(String what, IOException e) {
    return new UncheckedIOException("Cannot " + what + " state of key " + backend.getCurrentKey() + " in the '"
        + backend.backendType() + "' state backend: " + e.getMessage(), e);
  }

  @Override
  public void clear() {
    delete(currentKey());
  }
}
