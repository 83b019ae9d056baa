package io.eddy.state.disagg;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The eddy-lsm checkpoints a store keeps alive on behalf of job checkpoints. A checkpoint is
 * pending from its snapshot until the job reports it complete; then it is retained until
 * {@code numRetained} newer ones completed. Pending checkpoints older than a completed one were
 * aborted (the job never completes an older checkpoint after a newer one). Released checkpoints
 * lose their manifest, and their SST files are deleted by eddy-lsm's reference counting as soon
 * as neither the live tree nor another checkpoint needs them.
 *
 * <p>Not thread-safe: used on the task thread.
 */
final class RetainedCheckpoints {
  private final int numRetained;
  private final TreeMap<Long, List<StorePart.Checkpoint>> pending = new TreeMap<>();
  private final TreeMap<Long, List<StorePart.Checkpoint>> completed = new TreeMap<>();

  RetainedCheckpoints(int numRetained) {
    this.numRetained = numRetained;
  }

  /** Registers the part checkpoints of job checkpoint {@code id}, pending its completion. */
  void add(long id, List<StorePart.Checkpoint> parts) throws IOException {
    List<StorePart.Checkpoint> replaced = pending.put(id, List.copyOf(parts));
    if (replaced != null) {
      release(replaced);
    }
  }

  /** Job checkpoint {@code id} is complete: retain it, release what it subsumes. */
  void complete(long id) throws IOException {
    List<StorePart.Checkpoint> done = pending.remove(id);
    if (done != null) {
      completed.put(id, done);
    }
    releaseAll(pending.headMap(id, false));
    while (completed.size() > numRetained) {
      release(completed.pollFirstEntry().getValue());
    }
  }

  private static void releaseAll(NavigableMap<Long, List<StorePart.Checkpoint>> checkpoints) throws IOException {
    while (!checkpoints.isEmpty()) {
      release(checkpoints.pollFirstEntry().getValue());
    }
  }

  private static void release(List<StorePart.Checkpoint> parts) throws IOException {
    for (StorePart.Checkpoint c : parts) {
      c.part().release(c.lsm());
    }
  }

  /**
   * The manifests of {@code part} that must outlive the store: retained completed checkpoints,
   * and pending ones newer than all of them (the job may complete those after this store
   * closed, e.g. the final checkpoint of a bounded job, and restore from them).
   */
  Set<String> manifestsToKeep(StorePart part) {
    Set<String> kept = new HashSet<>();
    for (Map<Long, List<StorePart.Checkpoint>> m : List.of(pending, completed)) {
      for (List<StorePart.Checkpoint> checkpoint : m.values()) {
        for (StorePart.Checkpoint c : checkpoint) {
          if (c.part() == part) {
            kept.add(c.lsm().manifestPath());
          }
        }
      }
    }
    return kept;
  }
}
