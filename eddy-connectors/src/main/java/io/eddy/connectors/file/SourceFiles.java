package io.eddy.connectors.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which files a {@link FileSource} reads and which subtask reads each. A directory means its
 * regular files, not subdirectories, sorted by name, without hidden ones (names starting with
 * {@code .} or {@code _}, as in Hadoop and Flink; this also leaves out a {@link FileSink}'s
 * in-progress files). Stateless.
 */
final class SourceFiles {
  private SourceFiles() {}

  /** The files at {@code path} (a file or a directory), as strings, since a Path is not serializable. */
  static List<String> list(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path.toString());
    }
    if (!Files.isDirectory(path)) {
      throw new UncheckedIOException(new NoSuchFileException(path.toString(), null, "no such file or directory"));
    }
    try (Stream<Path> entries = Files.list(path)) {
      return entries
          .filter(p -> Files.isRegularFile(p) && !isHidden(p.getFileName().toString()))
          .map(Path::toString)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + path, e);
    }
  }

  /** The files subtask {@code subtask} of {@code parallelism} reads: every parallelism-th one. */
  static List<String> shareOf(List<String> files, int subtask, int parallelism) {
    List<String> share = new ArrayList<>();
    for (int i = subtask; i < files.size(); i += parallelism) {
      share.add(files.get(i));
    }
    return share;
  }

  private static boolean isHidden(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }
}
