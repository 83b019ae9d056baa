package io.eddy.runtime.execution;

import io.eddy.runtime.checkpoint.CheckpointStorage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes the commit at the end of a bounded job crash-safe. What two-phase-commit sinks staged
 * after their last checkpoint is committed only once the whole job has finished, and no
 * checkpoint covers it: if the process died half-way through those commits, a resume from the
 * last checkpoint would replay the tail and commit it a second time. So the pending commits
 * (each sink with its committables, Java-serialized) are written to the checkpoint storage
 * first, as one file created whole; a resume that finds it commits them again (commits are
 * idempotent) instead of running anything, and the job is finished.
 *
 * <p>Stateless; the storage does the I/O.
 */
final class EndOfInputRecord {
  private EndOfInputRecord() {}

  /** Records the commits before they are made. */
  static void write(CheckpointStorage storage, List<JobRun.PendingCommit<?>> commits) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new ArrayList<>(commits));
    }
    storage.writeEndOfInput(bytes.toByteArray());
  }

  /** The commits a run that reached its end recorded, if one did. */
  @SuppressWarnings("unchecked")
  static Optional<List<JobRun.PendingCommit<?>>> read(CheckpointStorage storage) throws IOException {
    Optional<byte[]> bytes = storage.readEndOfInput();
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.get())) {
      @Override
      protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        try {
          return Class.forName(desc.getName(), false, loader);
        } catch (ClassNotFoundException e) {
          return super.resolveClass(desc);
        }
      }
    }) {
      return Optional.of((List<JobRun.PendingCommit<?>>) in.readObject());
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IOException("Cannot read the end-of-input commits in " + storage.directory() + ": " + e, e);
    }
  }
}
