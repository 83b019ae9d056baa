package io.eddy.lsm.manifest;

import io.eddy.lsm.KeyRange;
import io.eddy.lsm.util.Bytes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An immutable set of live SST files arranged in levels. Level 0 holds overlapping files,
 * newest first; levels 1..n hold non-overlapping files sorted by key. A version is
 * reference-counted: the version set holds the current one, readers and iterators pin the
 * one they read, and when the count drops to zero its files are released (see
 * {@link FileRefs}).
 *
 * <p>Thread safety: immutable apart from the reference count; safe to share.
 */
public final class Version {
  public static final int NUM_LEVELS = 7;

  private final List<List<FileMeta>> levels;
  private final AtomicInteger refs = new AtomicInteger(1);
  private final Consumer<Version> onRelease;

  Version(List<List<FileMeta>> levels, Consumer<Version> onRelease) {
    this.levels = levels;
    this.onRelease = onRelease;
  }

  static Version empty(Consumer<Version> onRelease) {
    List<List<FileMeta>> levels = new ArrayList<>();
    for (int i = 0; i < NUM_LEVELS; i++) {
      levels.add(List.of());
    }
    return new Version(levels, onRelease);
  }

  /** Takes a reference unless the version is already released. */
  public boolean tryRef() {
    while (true) {
      int r = refs.get();
      if (r <= 0) {
        return false;
      }
      if (refs.compareAndSet(r, r + 1)) {
        return true;
      }
    }
  }

  /** Drops a reference; the last one releases the files. */
  public void unref() {
    int r = refs.decrementAndGet();
    if (r == 0) {
      onRelease.accept(this);
    } else if (r < 0) {
      throw new IllegalStateException("version released twice");
    }
  }

  public List<FileMeta> files(int level) {
    return levels.get(level);
  }

  public List<FileMeta> allFiles() {
    List<FileMeta> all = new ArrayList<>();
    levels.forEach(all::addAll);
    return all;
  }

  public long levelBytes(int level) {
    long sum = 0;
    for (FileMeta f : levels.get(level)) {
      sum += f.size();
    }
    return sum;
  }

  /** Files at {@code level} whose key range overlaps [lo, hi] (inclusive; null = open). */
  public List<FileMeta> overlapping(int level, byte[] lo, byte[] hi) {
    KeyRange r = new KeyRange(lo, null);
    List<FileMeta> out = new ArrayList<>();
    for (FileMeta f : levels.get(level)) {
      if (r.overlaps(f.smallest(), f.largest()) && (hi == null || Bytes.compare(f.smallest(), hi) <= 0)) {
        out.add(f);
      }
    }
    return out;
  }

  /** In a sorted, disjoint file list: the index of the first file whose largest key is >= key. */
  public static int findFile(List<FileMeta> files, byte[] key) {
    int lo = 0;
    int hi = files.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Bytes.compare(files.get(mid).largest(), key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** For levels >= 1: the one file that may hold {@code key}, or null. */
  public FileMeta fileFor(int level, byte[] key) {
    List<FileMeta> files = levels.get(level);
    int lo = findFile(files, key);
    if (lo < files.size() && Bytes.compare(files.get(lo).smallest(), key) <= 0) {
      return files.get(lo);
    }
    return null;
  }

  /** This version with {@code edit} applied. REQUIRES: deleted files are present. */
  Version apply(VersionEdit edit, Consumer<Version> onRelease) {
    List<List<FileMeta>> next = new ArrayList<>();
    for (List<FileMeta> l : levels) {
      next.add(new ArrayList<>(l));
    }
    for (VersionEdit.LevelFile d : edit.deleted()) {
      if (!next.get(d.level()).remove(d.file())) {
        throw new IllegalStateException("edit deletes a file not at level " + d.level() + ": " + d.file());
      }
    }
    for (VersionEdit.LevelFile a : edit.added()) {
      next.get(a.level()).add(a.file());
    }
    next.get(0).sort(Comparator.comparingLong(FileMeta::maxSequence).reversed());
    for (int i = 1; i < NUM_LEVELS; i++) {
      List<FileMeta> l = next.get(i);
      l.sort((a, b) -> Bytes.compare(a.smallest(), b.smallest()));
      for (int j = 1; j < l.size(); j++) {
        if (Bytes.compare(l.get(j - 1).largest(), l.get(j).smallest()) >= 0) {
          throw new IllegalStateException("overlapping files at level " + i + ": " + l.get(j - 1) + " and " + l.get(j));
        }
      }
    }
    for (int i = 0; i < NUM_LEVELS; i++) {
      next.set(i, List.copyOf(next.get(i)));
    }
    return new Version(next, onRelease);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Version[");
    for (int i = 0; i < NUM_LEVELS; i++) {
      if (!levels.get(i).isEmpty()) {
        sb.append(" L").append(i).append('=').append(levels.get(i).size());
      }
    }
    return sb.append(" ]").toString();
  }
}
