package io.eddy.bench.lsm;

import io.eddy.fs.FileSystem;
import io.eddy.lsm.Db;
import io.eddy.lsm.DbIterator;
import io.eddy.lsm.KeyRange;
import io.eddy.lsm.Options;
import java.io.IOException;
import java.util.List;

/** eddy-lsm behind the benchmark's {@link KvStore}. */
final class EddyStore implements KvStore {
  private final Db db;

  EddyStore(Options options, FileSystem fs, String dir) throws IOException {
    this.db = Db.open(options, fs, dir);
  }

  EddyStore(Db db) {
    this.db = db;
  }

  Db db() {
    return db;
  }

  @Override
  public String name() {
    return "eddy-lsm";
  }

  @Override
  public void put(byte[] key, byte[] value) throws IOException {
    db.put(key, value);
  }

  @Override
  public byte[] get(byte[] key) throws IOException {
    return db.get(key);
  }

  @Override
  public List<byte[]> multiGet(List<byte[]> keys) throws IOException {
    return db.multiGet(keys);
  }

  @Override
  public long scanAll() throws IOException {
    long n = 0;
    try (DbIterator it = db.iterator()) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        n++;
      }
    }
    return n;
  }

  @Override
  public void flush() throws IOException {
    db.flush();
  }

  @Override
  public void compactAll() throws IOException {
    db.compactRange(KeyRange.ALL);
  }

  @Override
  public String describe() {
    return db.stats().toString();
  }

  @Override
  public void close() throws IOException {
    db.close();
  }
}
