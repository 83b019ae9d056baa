package io.eddy.lsm.db;

import io.eddy.fs.FsPaths;
import io.eddy.lsm.CheckpointHandle;
import io.eddy.lsm.manifest.FileMeta;
import io.eddy.lsm.manifest.Manifest;
import io.eddy.lsm.manifest.VersionSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checkpoints a store retains: each is a {@code CHECKPOINT-nnnnnn} manifest plus one
 * reference on every file it lists. A checkpoint is taken in two parts, like a Flink
 * snapshot: {@link #begin} (synchronous, no I/O) makes the memtable immutable and names the
 * manifest; {@link #complete} (asynchronous) waits for that memtable's flush and writes the
 * manifest. Releasing one deletes the manifest (or abandons it if not written yet) and drops
 * the references, which deletes the files nothing else needs.
 *
 * <p>Thread safety: thread-safe. Writing a manifest and releasing or sealing exclude each
 * other, so no manifest appears after {@link #seal} returns.
 */
public final class Checkpoints {
  private final DbCore core;
  private final Map<String, List<FileMeta>> retained = new HashMap<>(); // guarded by this
  private final Map<String, CheckpointPin> pending = new HashMap<>(); // guarded by this
  private boolean sealed; // guarded by this

  public Checkpoints(DbCore core) {
    this.core = core;
  }

  /** Retains a checkpoint found in the store's directory at open. */
  public synchronized void adopt(String path, Manifest m) {
    List<FileMeta> files = CheckpointPin.files(m);
    core.refs.ref(files);
    retained.put(path, files);
  }

  /** The synchronous part: switches the memtable and reserves the manifest's name; returns that path. */
  public String begin() throws IOException {
    CheckpointPin pin = core.beginCheckpoint();
    String path = FsPaths.join(core.dir, String.format("%s%06d", VersionSet.CHECKPOINT_PREFIX, core.versions.newFileNumber()));
    synchronized (this) {
      if (sealed) {
        pin.release();
        throw new IllegalStateException("store is closed: " + core.dir);
      }
      pending.put(path, pin);
    }
    return path;
  }

  /** The sequence up to which begun checkpoint {@code path} holds the writes. */
  public synchronized long sequence(String path) {
    CheckpointPin pin = pending.get(path);
    if (pin == null) {
      throw new IllegalArgumentException("not a begun checkpoint of " + core.dir + ": " + path);
    }
    return pin.sequence();
  }

  /**
   * The asynchronous part: waits until the begun checkpoint's writes are in files, then writes
   * its manifest. Fails if the checkpoint was released or the store closed without flushing.
   */
  public CheckpointHandle complete(String path) throws IOException {
    CheckpointPin pin;
    synchronized (this) {
      pin = pending.get(path);
    }
    if (pin == null) {
      throw new IOException("checkpoint " + path + " was released, or its store closed without a flush, before its manifest was written");
    }
    long awaitStart = System.nanoTime();
    Manifest m = pin.await();
    long flushWait = System.nanoTime() - awaitStart;
    List<FileMeta> files = CheckpointPin.files(m);
    synchronized (this) {
      if (pending.get(path) != pin) {
        throw new IOException("checkpoint " + path + " was released before its manifest was written");
      }
      pending.remove(path);
      try {
        m.write(core.fs, path);
      } catch (IOException | RuntimeException e) {
        pin.release();
        throw e;
      }
      retained.put(path, files);
    }
    if (pin.event.shouldCommit()) {
      pin.event.store = core.dir;
      pin.event.untilAsyncNanos = awaitStart - pin.beginNanos;
      pin.event.flushWaitNanos = flushWait;
      pin.event.commit();
    }
    return new CheckpointHandle(path, m.lastSequence(), files.size(), files.stream().mapToLong(FileMeta::size).sum());
  }

  /** Deletes a retained checkpoint's manifest, or abandons a begun one, and drops its file references. */
  public synchronized void release(String manifestPath) throws IOException {
    CheckpointPin pin = pending.remove(manifestPath);
    if (pin != null) {
      pin.release();
      return;
    }
    List<FileMeta> files = retained.remove(manifestPath);
    if (files == null) {
      throw new IllegalArgumentException("not a retained checkpoint of " + core.dir + ": " + manifestPath);
    }
    core.fs.delete(manifestPath);
    core.refs.unref(files);
  }

  /** Abandons every begun checkpoint and refuses new ones and their manifests: the store closes without a flush. */
  public synchronized void seal() {
    sealed = true;
    pending.values().forEach(CheckpointPin::release);
    pending.clear();
  }

  public synchronized List<String> paths() {
    return new ArrayList<>(retained.keySet());
  }

  public synchronized int size() {
    return retained.size();
  }
}
