package io.eddy.state.bytes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A store's {@link KvWriteBatch} given {@link CachingKvColumn}s: the writes go to the store's own
 * columns, and when the batch commits, the caching columns forget the keys it wrote. Forgetting
 * at the commit, not when a write is added, keeps a read between the two from caching the value
 * the commit then replaces. Task thread only.
 */
final class CachingWriteBatch implements KvWriteBatch {
  private final KvWriteBatch batch;
  private final List<CachingKvColumn> columns = new ArrayList<>();
  private final List<byte[]> keys = new ArrayList<>();

  CachingWriteBatch(KvWriteBatch batch) {
    this.batch = batch;
  }

  @Override
  public void put(KvColumn column, byte[] key, byte[] value) throws IOException {
    batch.put(written(column, key), key, value);
  }

  @Override
  public void delete(KvColumn column, byte[] key) throws IOException {
    batch.delete(written(column, key), key);
  }

  @Override
  public void append(KvColumn column, byte[] key, byte[] operand) throws IOException {
    batch.append(written(column, key), key, operand);
  }

  /** The store's column behind {@code column}, noting the key to forget at the commit. */
  private KvColumn written(KvColumn column, byte[] key) {
    if (column instanceof CachingKvColumn caching) {
      columns.add(caching);
      keys.add(key);
      return caching.store();
    }
    return column;
  }

  @Override
  public void commit() throws IOException {
    try {
      batch.commit();
    } finally {
      for (int i = 0; i < keys.size(); i++) {
        columns.get(i).forget(keys.get(i));
      }
      columns.clear();
      keys.clear();
    }
  }
}
