package io.eddy.lsm.compaction;

import io.eddy.lsm.KeyRange;
import io.eddy.lsm.manifest.FileMeta;
import io.eddy.lsm.manifest.Version;
import io.eddy.lsm.manifest.VersionEdit;
import io.eddy.lsm.util.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Chooses the next compaction, LevelDB style: the level with the highest score (level n:
 * bytes / target, the target growing 10x per level; level 0: see below) is compacted into the
 * next one. Level n picks its files round-robin by key so that every part of the key space
 * gets rewritten in turn.
 *
 * <p>Level 0 is compacted into level 1 once it holds {@code level0Trigger} memtables' worth of
 * data, not {@code level0Trigger} files: a file counts as its share of the file a full memtable
 * flushes to (at most one), a size the store learns from its flushes (SST bytes per memtable
 * byte depend on the entries' sizes). Keys are spread over the whole of level 1,
 * so every L0->L1 compaction rewrites about all of level 1 whatever the size of level 0, and
 * checkpoints every second flush memtables a fraction of their size: counting those files as
 * whole ones rewrote level 1 several times as often. Small files must not pile up either (every
 * lookup checks each level-0 file, and writes slow down at {@code level0SlowdownTrigger}): at
 * {@code max(level0Trigger, level0SlowdownTrigger / 2)} files, the newest run of small files is
 * merged into one level-0 file (intra-L0), which rewrites only those small files. The run is
 * contiguous in sequence numbers, so level 0's newest-first order stays correct.
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
  private final int level0FileLimit;
  private final LongSupplier fullFileBytes;
  private final long levelBase;
  private final byte[][] nextKey = new byte[Version.NUM_LEVELS][];

  /**
   * @param level0Trigger memtables' worth of level-0 data that trigger an L0->L1 compaction
   * @param level0SlowdownTrigger level-0 files at which writes slow down: at most half as many
   *     (and at least {@code level0Trigger}) small files wait for more data
   * @param fullFileBytes the size of the level-0 file of a full memtable, now: such a file counts as
   *     a whole memtable's worth, a smaller one by its share
   * @param levelBase target size of level 1
   */
  public CompactionPicker(int level0Trigger, int level0SlowdownTrigger, LongSupplier fullFileBytes, long levelBase) {
    this.level0Trigger = level0Trigger;
    this.level0FileLimit = Math.max(level0Trigger, level0SlowdownTrigger / 2);
    this.fullFileBytes = fullFileBytes;
    this.levelBase = levelBase;
  }

  /** Level 0's score: memtables' worth of data against the trigger, or files against the limit. */
  private double level0Score(List<FileMeta> files) {
    return Math.max(memtablesWorth(files) / level0Trigger, (double) files.size() / level0FileLimit);
  }

  private double memtablesWorth(List<FileMeta> files) {
    long fullBytes = Math.max(1, fullFileBytes.getAsLong());
    double full = 0;
    for (FileMeta f : files) {
      full += Math.min(1.0, (double) f.size() / fullBytes);
    }
    return full;
  }

  /**
   * Level 0's compaction: into level 1 if it holds enough data, else (too many small files) the
   * newest run of small files merged into one level-0 file; a run of one goes to level 1.
   */
  private Pick pickLevel0(Version v, boolean allowMove) {
    List<FileMeta> files = v.files(0); // newest first
    if (memtablesWorth(files) < level0Trigger) {
      long fullBytes = fullFileBytes.getAsLong();
      List<VersionEdit.LevelFile> run = new ArrayList<>();
      for (FileMeta f : files) {
        if (f.size() >= fullBytes) {
          break;
        }
        run.add(new VersionEdit.LevelFile(0, f));
      }
      if (run.size() >= 2) {
        return new Pick(run, 0, false, false);
      }
    }
    return expand(v, 0, files, allowMove);
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
      double score = level == 0 ? level0Score(v.files(0)) : (double) v.levelBytes(level) / maxBytes(level);
      if (score >= best) {
        best = score;
        bestLevel = level;
      }
    }
    if (bestLevel < 0) {
      return null;
    }
    if (bestLevel == 0) {
      return pickLevel0(v, !filterConfigured);
    }
    return expand(v, bestLevel, List.of(roundRobin(v, bestLevel)), !filterConfigured);
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
