package io.eddy.lsm.db;

import io.eddy.lsm.manifest.FileMeta;
import io.eddy.lsm.manifest.FileRefs;
import io.eddy.lsm.manifest.Manifest;
import io.eddy.lsm.manifest.VersionEdit;
import io.eddy.lsm.memtable.MemTable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;

/**
 * A begun checkpoint's claim on the file version that holds exactly the writes up to its
 * sequence. The checkpoint's synchronous part only makes the active memtable immutable; the
 * version it needs exists once that memtable's flush is installed (flushes install oldest
 * first, so no newer write is in files then), and {@link DbCore} pins it at that install, in
 * the same step, before any compaction can replace its files. Until then the pin waits for
 * {@link #memTable()}. Pinning references the version's files; {@link #release} drops them.
 *
 * <p>Thread safety: thread-safe; pinned on the flush thread, awaited by the checkpoint's
 * asynchronous part, released by the checkpoint's owner.
 */
final class CheckpointPin {
  private final long sequence;
  private final MemTable memTable;
  private final FileRefs refs;
  /** Begun with the pin (the checkpoint's synchronous part); committed when its manifest is written. */
  final CheckpointFlushWaitEvent event = new CheckpointFlushWaitEvent();
  final long beginNanos = System.nanoTime();
  private Manifest manifest;
  private IOException failure;
  private boolean released;

  /** A pin of the writes up to {@code sequence}, waiting for {@code memTable}'s flush (null: pinned at once). */
  CheckpointPin(long sequence, MemTable memTable, FileRefs refs) {
    this.sequence = sequence;
    this.memTable = memTable;
    this.refs = refs;
    event.begin();
  }

  long sequence() {
    return sequence;
  }

  /** The memtable whose flush completes the pin, or null. */
  MemTable memTable() {
    return memTable;
  }

  /** Takes the checkpoint's files, already referenced by {@code m}'s pinning; drops them if released meanwhile. */
  synchronized void pinned(Manifest m) {
    if (released || failure != null) {
      refs.unref(files(m));
      return;
    }
    manifest = m;
    notifyAll();
  }

  /** The memtable will never be flushed (flush failure, store closed). */
  synchronized void fail(IOException cause) {
    if (manifest == null && failure == null) {
      failure = cause;
      notifyAll();
    }
  }

  /** Waits for the pinned version and describes it; throws if it failed or was released. */
  synchronized Manifest await() throws IOException {
    while (manifest == null && failure == null && !released) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted waiting for the flush of checkpoint sequence " + sequence);
      }
    }
    if (released) {
      throw new IOException("checkpoint at sequence " + sequence + " was released before it was written");
    }
    if (failure != null) {
      throw new IOException("checkpoint at sequence " + sequence + " failed: " + failure.getMessage(), failure);
    }
    return manifest;
  }

  /** Drops the files' references (now or when pinned); wakes a waiter with an error. */
  synchronized void release() {
    if (released) {
      return;
    }
    released = true;
    if (manifest != null) {
      refs.unref(files(manifest));
      manifest = null;
    }
    notifyAll();
  }

  static List<FileMeta> files(Manifest m) {
    return m.files().stream().map(VersionEdit.LevelFile::file).toList();
  }
}
