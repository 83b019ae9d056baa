package io.eddy.connectors.file;

import io.eddy.api.connector.SinkWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes one subtask's part file of a {@link FileSink}: lines go to a hidden in-progress file,
 * which becomes the part file by an atomic rename at the end of input. If the writer is closed
 * before that (the job failed or was cancelled), the in-progress file is deleted.
 * Not thread-safe: runs on its task thread.
 */
final class FileSinkWriter<T> implements SinkWriter<T> {
  private final Path target;
  private final Path inProgress;
  private final BufferedWriter out;
  private final LineEncoder<T> encoder;
  private boolean committed;

  private FileSinkWriter(Path target, Path inProgress, BufferedWriter out, LineEncoder<T> encoder) {
    this.target = target;
    this.inProgress = inProgress;
    this.out = out;
    this.encoder = encoder;
  }

  static <T> FileSinkWriter<T> open(Path directory, String name, LineEncoder<T> encoder) throws IOException {
    Files.createDirectories(directory);
    Path inProgress = directory.resolve("." + name + ".inprogress");
    BufferedWriter out = Files.newBufferedWriter(inProgress, StandardCharsets.UTF_8);
    return new FileSinkWriter<>(directory.resolve(name), inProgress, out, encoder);
  }

  @Override
  public void write(T element, Context context) throws Exception {
    out.write(encoder.encode(element));
    out.write('\n');
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    if (committed) {
      return;
    }
    out.flush();
    if (endOfInput) {
      out.close();
      Files.move(inProgress, target, StandardCopyOption.ATOMIC_MOVE);
      committed = true;
    }
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      out.close();
      Files.deleteIfExists(inProgress);
    }
  }
}
