package io.eddy.state.disagg;

import io.eddy.lsm.WriteBatch;
import io.eddy.state.bytes.KvColumn;
import io.eddy.state.bytes.KvWriteBatch;
import java.io.IOException;

/**
 * Writes to the columns of a {@link DisaggregatedKvStore}, collected in one eddy-lsm {@link
 * WriteBatch} per part and written with one {@code Db.write} each (atomic per part). Task thread
 * only, like every write of the store.
 */
final class DisaggregatedWriteBatch implements KvWriteBatch {
  private final PartRouter parts;
  private final WriteBatch[] batches;

  DisaggregatedWriteBatch(PartRouter parts) {
    this.parts = parts;
    this.batches = new WriteBatch[parts.size()];
  }

  /** The batch of part {@code p}. */
  WriteBatch of(int p) {
    if (batches[p] == null) {
      batches[p] = new WriteBatch();
    }
    return batches[p];
  }

  @Override
  public void put(KvColumn column, byte[] key, byte[] value) {
    ((DisaggregatedColumn) column).put(this, key, value);
  }

  @Override
  public void delete(KvColumn column, byte[] key) {
    ((DisaggregatedColumn) column).delete(this, key);
  }

  @Override
  public void append(KvColumn column, byte[] key, byte[] operand) {
    ((DisaggregatedColumn) column).append(this, key, operand);
  }

  @Override
  public void commit() throws IOException {
    for (int p = 0; p < batches.length; p++) {
      if (batches[p] != null && batches[p].count() > 0) {
        WriteBatch batch = batches[p];
        batches[p] = null;
        parts.part(p).db().write(batch);
      }
    }
  }
}
