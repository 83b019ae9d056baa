package io.eddy.lsm.manifest;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Reference counts of SST files across every holder: each live {@link Version} (the
 * current one and those pinned by readers) and each retained checkpoint. When a file's
 * count reaches zero the release callback runs; the store then deletes the file if it owns
 * it. This is what makes checkpoints zero-copy: a checkpoint is only more references.
 *
 * <p>Thread safety: thread-safe; counts change atomically per file.
 */
public final class FileRefs {
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();
  private final Consumer<FileMeta> onZero;

  public FileRefs(Consumer<FileMeta> onZero) {
    this.onZero = onZero;
  }

  public void ref(Collection<FileMeta> files) {
    for (FileMeta f : files) {
      counts.merge(f.path(), 1, Integer::sum);
    }
  }

  public void unref(Collection<FileMeta> files) {
    for (FileMeta f : files) {
      Integer left = counts.computeIfPresent(f.path(), (k, v) -> v == 1 ? null : v - 1);
      if (left == null) {
        onZero.accept(f);
      }
    }
  }

  /** Whether any holder references this path. */
  public boolean isReferenced(String path) {
    return counts.containsKey(path);
  }
}
