package io.eddy.lsm.compaction;

import io.eddy.lsm.KeyRange;
import io.eddy.lsm.manifest.FileMeta;
import io.eddy.lsm.manifest.Version;
import io.eddy.lsm.manifest.VersionEdit;
import io.eddy.lsm.util.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the next compaction, LevelDB style: the level with the highest score (level 0:
 * file count / trigger; level n: bytes / target, the target growing 10x per level) is
 * compacted into the next one. Level n picks its files round-robin by key so that every
 * part of the key space gets rewritten in turn.
 *
 * <p>Thread safety: not thread-safe; owned by the single compaction thread.
 */
public final class CompactionPicker {
  /** A chosen compaction: inputs by level, the output level, and whether it is bottommost. */
  public record Pick(List<VersionEdit.LevelFile> inputs, int outputLevel, boolean bottommost, boolean movable) {
    /** A single file that overlaps nothing below is moved down without rewriting. */
    public boolean isTrivialMove() {
      return movable && inputs.size() == 1;
    }
  }

  private final int level0Trigger;
  private final long levelBase;
  private final byte[][] nextKey = new byte[Version.NUM_LEVELS][];

  public CompactionPicker(int level0Trigger, long levelBase) {
    this.level0Trigger = level0Trigger;
    this.levelBase = levelBase;
  }

  long maxBytes(int level) {
    long m = levelBase;
    for (int i = 1; i < level; i++) {
      m *= 10;
    }
    return m;
  }

  /**
   * The compaction to run next, or null if no level is over its target. With a compaction
   * filter configured, files are always rewritten (never moved) so the filter sees them.
   */
  public Pick pick(Version v, boolean filterConfigured) {
    double best = 1.0;
    int bestLevel = -1;
    for (int level = 0; level < Version.NUM_LEVELS - 1; level++) {
      double score = level == 0 ? (double) v.files(0).size() / level0Trigger : (double) v.levelBytes(level) / maxBytes(level);
      if (score >= best) {
        best = score;
        bestLevel = level;
      }
    }
    if (bestLevel < 0) {
      return null;
    }
    List<FileMeta> start;
    if (bestLevel == 0) {
      start = v.files(0);
    } else {
      start = List.of(roundRobin(v, bestLevel));
    }
    return expand(v, bestLevel, start, !filterConfigured);
  }

  private FileMeta roundRobin(Version v, int level) {
    List<FileMeta> files = v.files(level);
    FileMeta chosen = files.get(0);
    if (nextKey[level] != null) {
      for (FileMeta f : files) {
        if (Bytes.compare(f.smallest(), nextKey[level]) > 0) {
          chosen = f;
          break;
        }
      }
    }
    nextKey[level] = chosen.largest();
    return chosen;
  }

  /** Adds the overlapping files of the next level. */
  private Pick expand(Version v, int level, List<FileMeta> start, boolean allowMove) {
    byte[] lo = null;
    byte[] hi = null;
    for (FileMeta f : start) {
      lo = lo == null || Bytes.compare(f.smallest(), lo) < 0 ? f.smallest() : lo;
      hi = hi == null || Bytes.compare(f.largest(), hi) > 0 ? f.largest() : hi;
    }
    List<VersionEdit.LevelFile> inputs = new ArrayList<>();
    start.forEach(f -> inputs.add(new VersionEdit.LevelFile(level, f)));
    for (FileMeta f : v.overlapping(level + 1, lo, hi)) {
      inputs.add(new VersionEdit.LevelFile(level + 1, f));
      // The output spans the next level's files too: only data below all of it makes it not bottommost.
      lo = Bytes.compare(f.smallest(), lo) < 0 ? f.smallest() : lo;
      hi = Bytes.compare(f.largest(), hi) > 0 ? f.largest() : hi;
    }
    boolean bottommost = true;
    for (int l = level + 2; l < Version.NUM_LEVELS; l++) {
      if (!v.overlapping(l, lo, hi).isEmpty()) {
        bottommost = false;
      }
    }
    return new Pick(inputs, level + 1, bottommost, allowMove);
  }

  /**
   * For a manual compaction: all files of {@code level} overlapping {@code range}, with
   * their overlaps in the next level; null if the level has none.
   */
  public Pick pickRange(Version v, int level, KeyRange range) {
    List<FileMeta> start = new ArrayList<>();
    for (FileMeta f : v.files(level)) {
      if (range.overlaps(f.smallest(), f.largest())) {
        start.add(f);
      }
    }
    return start.isEmpty() ? null : expand(v, level, start, false);
  }

  /**
   * For a manual compaction of the deepest level: its files overlapping {@code range},
   * rewritten in place (so tombstones, expired values and merge operands are resolved).
   */
  public Pick pickInPlace(Version v, int level, KeyRange range) {
    List<VersionEdit.LevelFile> inputs = new ArrayList<>();
    for (FileMeta f : v.files(level)) {
      if (range.overlaps(f.smallest(), f.largest())) {
        inputs.add(new VersionEdit.LevelFile(level, f));
      }
    }
    return inputs.isEmpty() ? null : new Pick(inputs, level, true, false);
  }
}
