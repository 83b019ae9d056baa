package io.eddy.state.disagg;

import io.eddy.fs.FileSystem;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Removes a store's emptied directory from a local disk. The FileSystem SPI has files only
 * (object stores have no directories), so on the local file system a closed store would leave
 * one empty folder per run behind in {@code ./eddy-data}; this removes it. Stateless.
 */
final class EmptyDirectories {
  private EmptyDirectories() {}

  /** Deletes {@code directory} if {@code fs} is the local file system and the folder is empty. */
  static void delete(FileSystem fs, String directory) throws IOException {
    if (!"file".equals(fs.scheme())) {
      return;
    }
    Path local = directory.startsWith("file:") ? Path.of(URI.create(directory)) : Path.of(directory);
    try {
      Files.deleteIfExists(local);
    } catch (DirectoryNotEmptyException e) {
      // checkpoint files a later run restores from are still in it
    }
  }
}
