package io.eddy.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folder of one benchmark job run, under the benchmark's {@code --dir}: checkpoints (with
 * disaggregated state's primary copy inside) and the backend's local files. Each run starts
 * empty, so the size of its checkpoints is the size of what this run retained; closing deletes
 * the folder. Not thread-safe.
 */
final class RunDirectory implements AutoCloseable {
  private final Path root;

  private RunDirectory(Path root) {
    this.root = root;
  }

  static RunDirectory create(Path parent, String prefix) throws IOException {
    Files.createDirectories(parent);
    return new RunDirectory(Files.createTempDirectory(parent, prefix));
  }

  Path root() {
    return root;
  }

  /** {@code state.checkpoints.dir} of the run. */
  Path checkpoints() {
    return root.resolve("checkpoints");
  }

  /** Bytes of all files under {@link #checkpoints()}: the retained checkpoints and, for disaggregated, the store. */
  long checkpointBytes() throws IOException {
    if (!Files.exists(checkpoints())) {
      return 0;
    }
    try (Stream<Path> paths = Files.walk(checkpoints())) {
      long total = 0;
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        total += Files.size(p);
      }
      return total;
    }
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
