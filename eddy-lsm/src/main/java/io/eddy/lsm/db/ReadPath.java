package io.eddy.lsm.db;

import io.eddy.lsm.cache.TableCache;
import io.eddy.lsm.iter.InternalIterator;
import io.eddy.lsm.iter.LevelIterator;
import io.eddy.lsm.iter.Lookup;
import io.eddy.lsm.iter.MergingIterator;
import io.eddy.lsm.manifest.FileMeta;
import io.eddy.lsm.manifest.Version;
import io.eddy.lsm.memtable.MemTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Point reads and iterator assembly over one {@link SuperVersion}: memtables newest first,
 * then level-0 files newest first, then at most one file per deeper level. A point read
 * stops at the first value or tombstone; merge operands are gathered along the way.
 * Bloom filters are consulted before any block is read.
 *
 * <p>Thread safety: stateless; REQUIRES the caller to hold a pin on the super version.
 */
public final class ReadPath {
  private ReadPath() {}

  public static void get(SuperVersion sv, TableCache tables, Lookup lookup) throws IOException {
    sv.active().get(lookup);
    if (lookup.isDone()) {
      return;
    }
    for (MemTable imm : sv.immutables()) {
      imm.get(lookup);
      if (lookup.isDone()) {
        return;
      }
    }
    Version v = sv.version();
    byte[] key = lookup.key();
    for (FileMeta f : v.files(0)) {
      if (f.contains(key) && f.minSequence() <= lookup.snapshot()) {
        tables.get(f).get(lookup);
        if (lookup.isDone()) {
          return;
        }
      }
    }
    for (int level = 1; level < Version.NUM_LEVELS; level++) {
      FileMeta f = v.fileFor(level, key);
      if (f != null && f.minSequence() <= lookup.snapshot()) {
        tables.get(f).get(lookup);
        if (lookup.isDone()) {
          return;
        }
      }
    }
  }

  /** A merged iterator over every entry visible through {@code sv} (all versions). */
  public static InternalIterator iterator(SuperVersion sv, TableCache tables) throws IOException {
    List<InternalIterator> children = new ArrayList<>();
    children.add(sv.active().iterator());
    for (MemTable imm : sv.immutables()) {
      children.add(imm.iterator());
    }
    Version v = sv.version();
    for (FileMeta f : v.files(0)) {
      children.add(tables.get(f).iterator(0));
    }
    for (int level = 1; level < Version.NUM_LEVELS; level++) {
      if (!v.files(level).isEmpty()) {
        children.add(new LevelIterator(v.files(level), tables));
      }
    }
    return new MergingIterator(children);
  }
}
