package io.eddy.connectors.file;

import io.eddy.api.connector.TwoPhaseCommittingSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Writes one subtask's part files of a {@link FileSink}: lines go to a hidden in-progress file;
 * at each checkpoint (and at the end of input) the file is closed and handed over as a
 * {@link PendingFile}, to be published when the checkpoint completes; the next record starts a
 * new file. Part names carry a random run id, so files of a restarted writer never collide with
 * published ones. A file still open when the writer closes (failure, cancel) is deleted.
 * Not thread-safe: runs on its task thread.
 */
final class FileSinkWriter<T> implements TwoPhaseCommittingSink.PrecommittingWriter<T, PendingFile> {
  private final Path directory;
  private final String prefix;
  private final String extension;
  private final LineEncoder<T> encoder;
  private int nextFile;
  private BufferedWriter out;
  private Path hidden;
  private Path target;

  FileSinkWriter(Path directory, int subtask, String extension, LineEncoder<T> encoder) throws IOException {
    Files.createDirectories(directory);
    this.directory = directory;
    this.prefix = "part-" + subtask + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    this.extension = extension;
    this.encoder = encoder;
  }

  @Override
  public void write(T element, Context context) throws Exception {
    if (out == null) {
      String name = prefix + nextFile++ + "." + extension;
      target = directory.resolve(name);
      hidden = directory.resolve("." + name + ".inprogress");
      out = Files.newBufferedWriter(hidden, StandardCharsets.UTF_8);
    }
    out.write(encoder.encode(element));
    out.write('\n');
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    if (out != null) {
      out.flush();
    }
  }

  @Override
  public List<PendingFile> prepareCommit(long checkpointId) throws IOException {
    if (out == null) {
      return List.of();
    }
    out.close();
    out = null;
    return List.of(new PendingFile(hidden.toString(), target.toString()));
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
      out = null;
      Files.deleteIfExists(hidden);
    }
  }
}
