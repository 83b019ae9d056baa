package io.eddy.lsm.db;

import io.eddy.fs.FsPaths;
import io.eddy.lsm.CheckpointHandle;
import io.eddy.lsm.manifest.FileMeta;
import io.eddy.lsm.manifest.Manifest;
import io.eddy.lsm.manifest.VersionEdit;
import io.eddy.lsm.manifest.VersionSet;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checkpoints a store retains: each is a {@code CHECKPOINT-nnnnnn} manifest plus one
 * reference on every file it lists. Creating one is a flush plus one small file (zero
 * copy); releasing one deletes the manifest and drops the references, which deletes the
 * files nothing else needs.
 *
 * <p>Thread safety: thread-safe.
 */
public final class Checkpoints {
  private final DbCore core;
  private final Map<String, List<FileMeta>> retained = new ConcurrentHashMap<>();

  public Checkpoints(DbCore core) {
    this.core = core;
  }

  private static List<FileMeta> files(Manifest m) {
    return m.files().stream().map(VersionEdit.LevelFile::file).toList();
  }

  /** Retains a checkpoint found in the store's directory at open. */
  public void adopt(String path, Manifest m) {
    List<FileMeta> files = files(m);
    core.refs.ref(files);
    retained.put(path, files);
  }

  /** Flushes, then writes a checkpoint manifest referencing the live files. */
  public CheckpointHandle create() throws IOException {
    long seq = core.flushAndWait();
    Manifest m = core.versions.pinCheckpoint(seq);
    List<FileMeta> files = files(m);
    String path = FsPaths.join(core.dir, String.format("%s%06d", VersionSet.CHECKPOINT_PREFIX, core.versions.newFileNumber()));
    try {
      m.write(core.fs, path);
    } catch (IOException | RuntimeException e) {
      core.refs.unref(files);
      throw e;
    }
    retained.put(path, files);
    return new CheckpointHandle(path, m.lastSequence(), files.size(), files.stream().mapToLong(FileMeta::size).sum());
  }

  /** Deletes a retained checkpoint's manifest and drops its file references. */
  public void release(String manifestPath) throws IOException {
    List<FileMeta> files = retained.remove(manifestPath);
    if (files == null) {
      throw new IllegalArgumentException("not a retained checkpoint of " + core.dir + ": " + manifestPath);
    }
    core.fs.delete(manifestPath);
    core.refs.unref(files);
  }

  public List<String> paths() {
    return List.copyOf(retained.keySet());
  }

  public int size() {
    return retained.size();
  }
}
