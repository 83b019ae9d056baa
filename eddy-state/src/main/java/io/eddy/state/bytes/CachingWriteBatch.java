package io.eddy.state.bytes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A store's {@link KvWriteBatch} given {@link CachingKvColumn}s: writes to a caching column are
 * kept until the commit and then made through the column, in order (so they join its write-back
 * cache and reach the store with its other changes); writes to other columns go into the store's
 * batch. Applying at the commit, not when a write is added, keeps a read between the two from
 * seeing the write early. Task thread only.
 */
final class CachingWriteBatch implements KvWriteBatch {
  private final KvWriteBatch batch;
  private final List<Write> cached = new ArrayList<>();

  /** A write to a caching column: a put, a delete (null value and not an append) or an append. */
  private record Write(CachingKvColumn column, byte[] key, byte[] value, boolean append) {}

  CachingWriteBatch(KvWriteBatch batch) {
    this.batch = batch;
  }

  @Override
  public void put(KvColumn column, byte[] key, byte[] value) throws IOException {
    if (column instanceof CachingKvColumn caching) {
      cached.add(new Write(caching, key, value, false));
    } else {
      batch.put(column, key, value);
    }
  }

  @Override
  public void delete(KvColumn column, byte[] key) throws IOException {
    if (column instanceof CachingKvColumn caching) {
      cached.add(new Write(caching, key, null, false));
    } else {
      batch.delete(column, key);
    }
  }

  @Override
  public void append(KvColumn column, byte[] key, byte[] operand) throws IOException {
    if (column instanceof CachingKvColumn caching) {
      cached.add(new Write(caching, key, operand, true));
    } else {
      batch.append(column, key, operand);
    }
  }

  @Override
  public void commit() throws IOException {
    try {
      batch.commit();
      for (Write w : cached) {
        if (w.append()) {
          w.column().append(w.key(), w.value());
        } else if (w.value() == null) {
          w.column().delete(w.key());
        } else {
          w.column().put(w.key(), w.value());
        }
      }
    } finally {
      cached.clear();
    }
  }
}
