package io.eddy.lsm.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * A change to the set of live files: what a flush or compaction installs, atomically.
 * Mutable while being built, then handed to {@link VersionSet#install}. Not thread-safe.
 */
public final class VersionEdit {
  /** A file at a level. */
  public record LevelFile(int level, FileMeta file) {}

  private final List<LevelFile> added = new ArrayList<>();
  private final List<LevelFile> deleted = new ArrayList<>();

  public VersionEdit add(int level, FileMeta file) {
    added.add(new LevelFile(level, file));
    return this;
  }

  public VersionEdit delete(int level, FileMeta file) {
    deleted.add(new LevelFile(level, file));
    return this;
  }

  public List<LevelFile> added() {
    return added;
  }

  public List<LevelFile> deleted() {
    return deleted;
  }

  @Override
  public String toString() {
    return "VersionEdit[+" + added + " -" + deleted + "]";
  }
}
