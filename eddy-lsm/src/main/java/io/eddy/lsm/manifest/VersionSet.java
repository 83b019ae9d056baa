package io.eddy.lsm.manifest;

import io.eddy.fs.FileSystem;
import io.eddy.fs.FsPaths;
import io.eddy.lsm.KeyRange;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Owns the current {@link Version} and the file-number counter, and installs changes:
 * each install writes a complete new manifest ({@code MANIFEST-nnnnnn}) and only then makes
 * the new version current, so a crash leaves either the old or the new state, never a mix.
 * The previous manifest is deleted afterwards.
 *
 * <p>Thread safety: {@link #install} is synchronized (one change at a time, in order);
 * {@link #acquire} is lock-free and may race with installs safely.
 */
public final class VersionSet {
  public static final String MANIFEST_PREFIX = "MANIFEST-";
  public static final String CHECKPOINT_PREFIX = "CHECKPOINT-";

  private final FileSystem fs;
  private final String dir;
  private final FileRefs refs;
  private final String mergeOperator;
  private final KeyRange range;
  private final AtomicLong nextFileNumber;
  private volatile Version current;
  private long lastSequence;
  private String manifestPath;

  /** Starts from {@code manifest} (or an empty store if null); references its files. */
  public VersionSet(FileSystem fs, String dir, FileRefs refs, String mergeOperator, KeyRange range, Manifest manifest, String manifestPath) {
    this.fs = fs;
    this.dir = dir;
    this.refs = refs;
    this.mergeOperator = mergeOperator;
    this.range = range;
    this.nextFileNumber = new AtomicLong(manifest == null ? 1 : manifest.nextFileNumber());
    this.lastSequence = manifest == null ? 0 : manifest.lastSequence();
    VersionEdit edit = new VersionEdit();
    if (manifest != null) {
      manifest.files().forEach(lf -> edit.add(lf.level(), lf.file()));
    }
    Version v = Version.empty(this::release).apply(edit, this::release);
    refs.ref(v.allFiles());
    this.current = v;
    this.manifestPath = manifestPath;
  }

  private void release(Version v) {
    refs.unref(v.allFiles());
  }

  /** The current version, pinned: the caller must {@link Version#unref()} it. */
  public Version acquire() {
    while (true) {
      Version v = current;
      if (v.tryRef()) {
        return v;
      }
    }
  }

  /** The current version, unpinned: valid only while the caller blocks installs. */
  public Version current() {
    return current;
  }

  public long newFileNumber() {
    return nextFileNumber.getAndIncrement();
  }

  /** Makes sure future file numbers are above {@code number} (found in use outside the manifest). */
  public void markUsed(long number) {
    nextFileNumber.accumulateAndGet(number + 1, Math::max);
  }

  /** Reserves {@code n} consecutive file numbers; returns the first. */
  public long reserveFileNumbers(int n) {
    return nextFileNumber.getAndAdd(n);
  }

  public synchronized long lastSequence() {
    return lastSequence;
  }

  public KeyRange range() {
    return range;
  }

  /**
   * Describes the current version as a checkpoint and references its files, atomically
   * with respect to installs (so no file of it can be deleted in between).
   */
  public synchronized Manifest pinCheckpoint(long sequence) {
    Manifest m = describe(current, true, Math.max(sequence, lastSequence));
    refs.ref(m.files().stream().map(VersionEdit.LevelFile::file).toList());
    return m;
  }

  private Manifest describe(Version v, boolean checkpoint, long sequence) {
    List<VersionEdit.LevelFile> files = new java.util.ArrayList<>();
    for (int level = 0; level < Version.NUM_LEVELS; level++) {
      for (FileMeta f : v.files(level)) {
        files.add(new VersionEdit.LevelFile(level, f));
      }
    }
    return new Manifest(checkpoint, mergeOperator, sequence, nextFileNumber.get(), range, files);
  }

  /**
   * Applies {@code edit}: writes the new manifest, then switches the current version.
   * On failure nothing changes (files only the edit referenced are released).
   *
   * @param sequence every entry in the edit's files has a sequence at or below this
   */
  public synchronized void install(VersionEdit edit, long sequence) throws IOException {
    Version next = current.apply(edit, this::release);
    refs.ref(next.allFiles());
    long seq = Math.max(lastSequence, sequence);
    String path = FsPaths.join(dir, String.format("%s%06d", MANIFEST_PREFIX, newFileNumber()));
    try {
      describe(next, false, seq).write(fs, path);
    } catch (IOException | RuntimeException e) {
      next.unref();
      throw e;
    }
    Version old = current;
    current = next;
    lastSequence = seq;
    String oldManifest = manifestPath;
    manifestPath = path;
    old.unref();
    if (oldManifest != null) {
      try {
        fs.delete(oldManifest);
      } catch (IOException ignored) {
        // an older manifest left behind is ignored at open (the newest wins) and swept then
      }
    }
  }

  /** Writes the current state as a new live manifest (used once after opening). */
  public synchronized void writeInitialManifest() throws IOException {
    install(new VersionEdit(), lastSequence);
  }

  public synchronized String manifestPath() {
    return manifestPath;
  }

  /** Drops the version set's reference on the current version (at close). */
  public synchronized void close() {
    current.unref();
  }
}
