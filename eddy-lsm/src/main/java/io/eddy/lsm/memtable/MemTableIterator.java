package io.eddy.lsm.memtable;

import io.eddy.lsm.iter.InternalIterator;

/**
 * Walks a {@link SkipList}. Sees entries added after it was created if they sort after its
 * position; callers filter by sequence number, so that is harmless.
 *
 * <p>Thread safety: one thread at a time, concurrent with the memtable's writer.
 */
final class MemTableIterator implements InternalIterator {
  private final SkipList list;
  private SkipList.Node node;
  private byte[] key;

  MemTableIterator(SkipList list) {
    this.list = list;
  }

  @Override
  public boolean valid() {
    return node != null;
  }

  @Override
  public void seekToFirst() {
    position(list.first());
  }

  private void position(SkipList.Node n) {
    node = n;
    key = n == null ? null : n.key();
  }

  @Override
  public void seek(byte[] key, long trailer) {
    position(list.seek(key, trailer));
  }

  @Override
  public void next() {
    position(node.next());
  }

  @Override
  public byte[] key() {
    return key;
  }

  @Override
  public long trailer() {
    return node.trailer();
  }

  @Override
  public byte[] value() {
    return node.value();
  }

  @Override
  public void close() {}
}
