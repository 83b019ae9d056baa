package io.eddy.lsm.db;

import io.eddy.lsm.cache.TableCache;
import io.eddy.lsm.iter.InternalIterator;
import io.eddy.lsm.iter.LevelIterator;
import io.eddy.lsm.iter.Lookup;
import io.eddy.lsm.iter.MergingIterator;
import io.eddy.lsm.manifest.FileMeta;
import io.eddy.lsm.manifest.Version;
import io.eddy.lsm.memtable.MemTable;
import io.eddy.lsm.sst.TableReader;
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
    get(sv, tables, lookup, false);
  }

  /**
   * As {@link #get(SuperVersion, TableCache, Lookup)}; with {@code cachedOnly} without reading any
   * file (memtables, the filters of open tables, cached blocks): returns false, the lookup
   * unfinished, where a file would have to be read (a table not open, a block not cached).
   */
  public static boolean get(SuperVersion sv, TableCache tables, Lookup lookup, boolean cachedOnly) throws IOException {
    sv.active().get(lookup);
    if (lookup.isDone()) {
      return true;
    }
    for (MemTable imm : sv.immutables()) {
      imm.get(lookup);
      if (lookup.isDone()) {
        return true;
      }
    }
    Version v = sv.version();
    byte[] key = lookup.key();
    for (FileMeta f : v.files(0)) {
      if (f.contains(key) && f.minSequence() <= lookup.snapshot()) {
        if (!table(tables, f, lookup, cachedOnly)) {
          return false;
        }
        if (lookup.isDone()) {
          return true;
        }
      }
    }
    for (int level = 1; level < Version.NUM_LEVELS; level++) {
      FileMeta f = v.fileFor(level, key);
      if (f != null && f.minSequence() <= lookup.snapshot()) {
        if (!table(tables, f, lookup, cachedOnly)) {
          return false;
        }
        if (lookup.isDone()) {
          return true;
        }
      }
    }
    return true;
  }

  /** Feeds {@code lookup} from file {@code f}; false where cached-only and the file would have to be read. */
  private static boolean table(TableCache tables, FileMeta f, Lookup lookup, boolean cachedOnly) throws IOException {
    TableReader reader = cachedOnly ? tables.getIfOpen(f) : tables.get(f);
    return reader != null && reader.get(lookup, cachedOnly);
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
