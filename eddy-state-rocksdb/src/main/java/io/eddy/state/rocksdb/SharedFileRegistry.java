package io.eddy.state.rocksdb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which checkpoint files of one store are still needed, so that incremental checkpoints upload
 * each SST once and files are deleted once no checkpoint needs them.
 *
 * <p>Each checkpoint the store took is tracked from its snapshot on: the SST names it references
 * (fixed at snapshot time, before any upload, so a concurrent cleanup cannot delete a file a
 * persist is about to reuse) and the exclusive files its persist wrote. When checkpoint N
 * completes: checkpoints before N that never completed are dropped (aborted, or subsumed before
 * this store heard of them), only the newest {@code retained} completed ones are kept, and every
 * uploaded SST that no kept or still pending checkpoint references is forgotten. Files this store
 * uploaded are then deleted; files that came from a restored handle are only forgotten, never
 * deleted: the store that uploaded them, or another store restored from the same checkpoint, may
 * still need them (their cleanup needs a registry across stores, which the engine does not keep
 * yet, so they stay on the FileSystem).
 *
 * <p>Thread-safe: the task thread snapshots and completes, persists run on other threads.
 */
final class SharedFileRegistry {
  private final int retained;
  private final Map<String, Upload> uploads = new HashMap<>();
  private final TreeMap<Long, Tracked> checkpoints = new TreeMap<>();

  /** An SST available on the checkpoint FileSystem, and whether this store may delete it. */
  private record Upload(CheckpointFile file, boolean owned) {}

  /** A checkpoint taken and not yet dropped: what it references, and whether it completed. */
  private static final class Tracked {
    final Set<String> sharedNames;
    final List<CheckpointFile> exclusive = new ArrayList<>();
    boolean completed;

    Tracked(Set<String> sharedNames) {
      this.sharedNames = sharedNames;
    }
  }

  SharedFileRegistry(int retained) {
    this.retained = retained;
  }

  /** Checkpoint {@code id} was taken and will reference these SSTs through the shared folder. */
  synchronized void snapshotTaken(long id, Set<String> sharedNames) {
    checkpoints.put(id, new Tracked(Set.copyOf(sharedNames)));
  }

  /** The upload of an SST of this name, if some checkpoint made it (or a restore brought it), else null. */
  synchronized CheckpointFile uploaded(String name) {
    Upload upload = uploads.get(name);
    return upload == null ? null : upload.file();
  }

  /** This store uploaded a shared SST. */
  synchronized void uploadedByThisStore(CheckpointFile file) {
    uploads.put(file.name(), new Upload(file, true));
  }

  /** A restore brought an SST that is already on the FileSystem and owned elsewhere. */
  synchronized void restored(CheckpointFile file) {
    uploads.put(file.name(), new Upload(file, false));
  }

  /**
   * The persist of checkpoint {@code id} wrote this exclusive file. Returns false if the
   * checkpoint was dropped meanwhile; the caller then deletes the file.
   */
  synchronized boolean exclusiveUploaded(long id, CheckpointFile file) {
    Tracked tracked = checkpoints.get(id);
    if (tracked == null) {
      return false;
    }
    tracked.exclusive.add(file);
    return true;
  }

  /** Checkpoint {@code id} completed; returns the paths of the files no one needs any more. */
  synchronized List<String> completed(long id) {
    List<String> unneeded = new ArrayList<>();
    Tracked done = checkpoints.get(id);
    if (done != null) {
      done.completed = true;
    }
    int completedKept = 0;
    for (Iterator<Map.Entry<Long, Tracked>> it = checkpoints.descendingMap().entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Long, Tracked> entry = it.next();
      Tracked tracked = entry.getValue();
      boolean keep = tracked.completed ? completedKept++ < retained : entry.getKey() > id;
      if (!keep) {
        tracked.exclusive.forEach(file -> unneeded.add(file.path()));
        it.remove();
      }
    }
    Set<String> referenced = new HashSet<>();
    checkpoints.values().forEach(tracked -> referenced.addAll(tracked.sharedNames));
    for (Iterator<Upload> it = uploads.values().iterator(); it.hasNext(); ) {
      Upload upload = it.next();
      if (!referenced.contains(upload.file().name())) {
        if (upload.owned()) {
          unneeded.add(upload.file().path());
        }
        it.remove();
      }
    }
    return unneeded;
  }
}
