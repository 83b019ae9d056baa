package io.eddy.runtime.checkpoint;

import io.eddy.api.config.CheckpointingOptions;
import io.eddy.api.config.Configuration;
import io.eddy.fs.FileOutput;
import io.eddy.fs.FileSystem;
import io.eddy.fs.FileSystems;
import io.eddy.fs.MemoryFileSystem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Checkpoints of one job on a {@link FileSystem}. Layout under the directory:
 * {@code chk-N/<operator>-<subtask>-<uuid>.state} (state files, uniquely named so a retried
 * checkpoint never collides), {@code chk-N/_metadata} (written once all state files are), and
 * then the empty marker {@code completed-chk-<N, 19 digits>} that makes the checkpoint findable
 * by listing (the file-system SPI lists files, not directories). A checkpoint without its
 * marker is incomplete and ignored. When the job finishes, the marker {@code job-finished} says
 * there is nothing left to resume; {@code end-of-input}, written just before, holds the
 * commits of its last, uncheckpointed part.
 *
 * <p>A savepoint ({@link #forSavepoint}) is one checkpoint in a folder of its own:
 * {@code <folder>/_metadata} and its state files beside it, named in the metadata relative to
 * the folder, no marker; it is complete once its metadata exists, it references nothing outside
 * its folder (the folder can be moved, the job's checkpoints deleted), and a job can start from
 * it ({@link #loadFolder}). Thread-safe.
 */
public final class CheckpointStorage {
  private static final String MARKER_PREFIX = "completed-chk-";

  private static final String METADATA = "_metadata";

  private final FileSystem fs;
  private final String directory;
  private final boolean savepoint;

  public CheckpointStorage(FileSystem fs, String directory) {
    this(fs, directory, false);
  }

  private CheckpointStorage(FileSystem fs, String directory, boolean savepoint) {
    this.fs = fs;
    this.directory = directory.endsWith("/") ? directory : directory + "/";
    this.savepoint = savepoint;
  }

  /** The storage of one savepoint, in {@code folder} (any FileSystem path). */
  public static CheckpointStorage forSavepoint(String folder) throws IOException {
    return new CheckpointStorage(FileSystems.forPath(folder), folder, true);
  }

  /** True for a savepoint: its state must not depend on files that the job's checkpoints manage. */
  public boolean isSavepoint() {
    return savepoint;
  }

  /**
   * The checkpoint or savepoint whose {@code _metadata} is in {@code folder} (a savepoint
   * folder, or a {@code chk-N} folder of retained checkpoints), verified with its state files.
   */
  public static CheckpointMetadata loadFolder(String folder) throws IOException {
    CheckpointMetadata metadata = readFolder(folder);
    new CheckpointStorage(FileSystems.forPath(folder), folder).verifyStateFiles(metadata);
    return metadata;
  }

  /** The metadata in {@code folder} (a savepoint or {@code chk-N} folder), its state files not yet read. */
  public static CheckpointMetadata readFolder(String folder) throws IOException {
    String dir = folder.endsWith("/") ? folder : folder + "/";
    FileSystem fs = FileSystems.forPath(dir);
    if (!fs.exists(dir + METADATA)) {
      throw new IllegalArgumentException("No savepoint or checkpoint in " + folder + ": it has no " + METADATA
          + " (give the folder of one savepoint, or a chk-N folder)");
    }
    return CheckpointMetadata.fromBytes(fs.readAll(dir + METADATA), dir + METADATA);
  }

  /** The storage named by {@code state.checkpoints.dir}; empty means in memory (in-process recovery only). */
  public static CheckpointStorage fromConfiguration(Configuration configuration) throws IOException {
    String dir = configuration.get(CheckpointingOptions.DIRECTORY);
    if (dir.isEmpty()) {
      return new CheckpointStorage(new MemoryFileSystem(), "checkpoints/");
    }
    return new CheckpointStorage(FileSystems.forPath(dir), dir);
  }

  public FileSystem fileSystem() {
    return fs;
  }

  public String directory() {
    return directory;
  }

  private String checkpointDirectory(long id) {
    return savepoint ? directory : directory + "chk-" + id + "/";
  }

  /** A fresh path for the state file of one operator subtask. */
  public String newStatePath(long checkpointId, String stateId, int subtask) {
    String safe = stateId.replaceAll("[^A-Za-z0-9._-]", "_");
    return checkpointDirectory(checkpointId) + safe + "-" + subtask + "-" + UUID.randomUUID() + ".state";
  }

  public String metadataPath(long checkpointId) {
    return checkpointDirectory(checkpointId) + METADATA;
  }

  /** Writes the metadata, then the marker: from then on the checkpoint counts as complete. */
  public void commit(CheckpointMetadata metadata) throws IOException {
    CheckpointMetadata written = savepoint ? metadata.relativeTo(directory) : metadata;
    writeFile(metadataPath(metadata.checkpointId()), written.toBytes());
    if (!savepoint) {
      writeFile(directory + marker(metadata.checkpointId()), new byte[0]);
    }
  }

  private void writeFile(String path, byte[] bytes) throws IOException {
    FileOutput out = fs.create(path);
    try {
      out.write(bytes);
      out.close();
    } catch (IOException | RuntimeException e) {
      out.abort();
      throw e;
    }
  }

  private static String marker(long id) {
    return MARKER_PREFIX + String.format("%019d", id);
  }

  private static final String FINISHED_MARKER = "job-finished";

  /** Records that the job ran to its end: its checkpoints must not be resumed (that would replay its tail). */
  public void markFinished() throws IOException {
    if (!fs.exists(directory + FINISHED_MARKER)) {
      writeFile(directory + FINISHED_MARKER, new byte[0]);
    }
  }

  public boolean isFinished() throws IOException {
    return fs.exists(directory + FINISHED_MARKER);
  }

  private static final String END_OF_INPUT = "end-of-input";

  /**
   * Records what sinks staged after the last checkpoint of a job that reached its end, before
   * it is committed (a resume commits it again instead of replaying the tail). Replaces a
   * stale record of an earlier run in the same directory.
   */
  public void writeEndOfInput(byte[] commits) throws IOException {
    fs.delete(directory + END_OF_INPUT);
    writeFile(directory + END_OF_INPUT, commits);
  }

  /** What {@link #writeEndOfInput} recorded, if anything. */
  public Optional<byte[]> readEndOfInput() throws IOException {
    try {
      return Optional.of(fs.readAll(directory + END_OF_INPUT));
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /**
   * Forgets every checkpoint of an earlier run, so that a job started afresh in this
   * directory can neither resume nor mix with them: deletes the completed checkpoints (marker
   * first, then files), the end-of-input record and the finished marker. Files that backends
   * manage outside {@code chk-N/} are left alone (unreferenced from then on).
   */
  public void discardAll() throws IOException {
    retainNewest(0);
    fs.delete(directory + END_OF_INPUT);
    fs.delete(directory + FINISHED_MARKER);
  }

  /** Ids of completed checkpoints, oldest first. */
  public List<Long> completedIds() throws IOException {
    List<Long> ids = new ArrayList<>();
    for (String name : fs.list(directory)) {
      if (name.startsWith(MARKER_PREFIX)) {
        ids.add(Long.parseLong(name.substring(MARKER_PREFIX.length())));
      }
    }
    ids.sort(null);
    return ids;
  }

  public CheckpointMetadata loadMetadata(long id) throws IOException {
    String path = metadataPath(id);
    try {
      return CheckpointMetadata.fromBytes(fs.readAll(path), path);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new CorruptCheckpointException(path, "missing");
    }
  }

  /**
   * The newest completed checkpoint whose metadata and state files all verify. A corrupt or
   * incomplete one is reported through {@code log} and the one before it is tried.
   */
  public Optional<CheckpointMetadata> latestValid(Consumer<String> log) throws IOException {
    List<Long> ids = completedIds();
    for (int i = ids.size() - 1; i >= 0; i--) {
      try {
        CheckpointMetadata metadata = loadMetadata(ids.get(i));
        verifyStateFiles(metadata);
        return Optional.of(metadata);
      } catch (CorruptCheckpointException e) {
        log.accept("Checkpoint " + ids.get(i) + " cannot be used (" + e.getMessage() + "); trying an older one");
      }
    }
    return Optional.empty();
  }

  private void verifyStateFiles(CheckpointMetadata metadata) throws IOException {
    for (CheckpointMetadata.OperatorState op : metadata.operators().values()) {
      for (StateHandle handle : op.subtasks()) {
        if (handle.path() != null) {
          StateFile.read(fs, handle.path());
        }
      }
    }
  }

  /** Deletes all but the newest {@code retained} completed checkpoints (marker first, then files). */
  public void retainNewest(int retained) throws IOException {
    List<Long> ids = completedIds();
    for (int i = 0; i < ids.size() - retained; i++) {
      long id = ids.get(i);
      fs.delete(directory + marker(id));
      deleteFiles(id);
    }
  }

  /** Deletes whatever files a checkpoint (complete or aborted) wrote. */
  public void deleteFiles(long id) throws IOException {
    String dir = checkpointDirectory(id);
    for (String name : fs.list(dir)) {
      fs.delete(dir + name);
    }
  }
}
