package io.eddy.state.rocksdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The local working directory of one store, {@code <localdir>/<store id>/}: the live database in
 * {@code db/}, RocksDB checkpoints (hard links) waiting for upload in {@code chk-<N>/}, and the
 * databases of other subtasks being merged in during a rescaling restore in {@code restore-<i>/}.
 * Nothing in it outlives the store: {@link #delete} removes it all.
 */
record StoreDirectory(Path root) {

  static StoreDirectory create(Path localDirectory, String storeId) throws IOException {
    Path root = localDirectory.resolve(storeId).toAbsolutePath();
    Files.createDirectories(root);
    return new StoreDirectory(root);
  }

  Path database() {
    return root.resolve("db");
  }

  Path checkpoint(long checkpointId) {
    return root.resolve("chk-" + checkpointId);
  }

  Path restore(int index) {
    return root.resolve("restore-" + index);
  }

  void delete() {
    deleteRecursively(root);
  }

  /**
   * Deletes a file or a directory tree; a missing one is fine. A file that appears while the tree
   * is deleted makes its directory non-empty (seen once in CorruptCheckpointTest's close, in the
   * database directory just closed): the walk is then repeated, a few times.
   */
  static void deleteRecursively(Path path) {
    for (int attempt = 1; ; attempt++) {
      try (Stream<Path> walk = Files.walk(path)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
        return;
      } catch (NoSuchFileException e) {
        return; // already gone
      } catch (DirectoryNotEmptyException e) {
        if (attempt == 5) {
          throw new UncheckedIOException("cannot delete " + path + ": files keep appearing in it", e);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + path, e);
      }
    }
  }
}
