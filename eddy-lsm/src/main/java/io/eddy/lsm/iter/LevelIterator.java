package io.eddy.lsm.iter;

import io.eddy.lsm.cache.TableCache;
import io.eddy.lsm.manifest.FileMeta;
import io.eddy.lsm.manifest.Version;
import java.io.IOException;
import java.util.List;

/**
 * Iterates one sorted level (1 and below) as a single sequence: the files are disjoint and
 * ordered, so it walks them one after another, opening each through the table cache only
 * when reached.
 *
 * <p>Thread safety: one thread at a time.
 */
public final class LevelIterator implements InternalIterator {
  private final List<FileMeta> files;
  private final TableCache tables;
  private int index;
  private InternalIterator current;

  public LevelIterator(List<FileMeta> files, TableCache tables) {
    this.files = files;
    this.tables = tables;
  }

  private void open(int i) throws IOException {
    if (current != null) {
      current.close();
    }
    index = i;
    current = i < files.size() ? tables.get(files.get(i)).iterator(0) : null;
  }

  private void skipExhausted() throws IOException {
    while (current != null && !current.valid()) {
      open(index + 1);
      if (current != null) {
        current.seekToFirst();
      }
    }
  }

  @Override
  public boolean valid() {
    return current != null && current.valid();
  }

  @Override
  public void seekToFirst() throws IOException {
    open(0);
    if (current != null) {
      current.seekToFirst();
    }
    skipExhausted();
  }

  @Override
  public void seek(byte[] key, long trailer) throws IOException {
    open(Version.findFile(files, key));
    if (current != null) {
      current.seek(key, trailer);
    }
    skipExhausted();
  }

  @Override
  public void next() throws IOException {
    current.next();
    skipExhausted();
  }

  @Override
  public byte[] key() {
    return current.key();
  }

  @Override
  public long trailer() {
    return current.trailer();
  }

  @Override
  public byte[] value() {
    return current.value();
  }

  @Override
  public void close() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
