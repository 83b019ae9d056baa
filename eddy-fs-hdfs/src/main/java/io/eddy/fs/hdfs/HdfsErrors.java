package io.eddy.fs.hdfs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

/**
 * Maps the Hadoop client's exceptions onto the {@link io.eddy.fs.FileSystem} error contract:
 * a missing file becomes {@link NoSuchFileException}, an existing one
 * {@link FileAlreadyExistsException}, and anything else an {@link IOException} naming the
 * hdfs:// path. The Hadoop exception is kept as the cause. Stateless.
 */
final class HdfsErrors {
  private HdfsErrors() {}

  static IOException translate(IOException e, String action, HdfsPath path) {
    IOException mapped;
    if (e instanceof FileNotFoundException) {
      mapped = new NoSuchFileException(path.toString());
    } else if (e instanceof org.apache.hadoop.fs.FileAlreadyExistsException) {
      mapped = new FileAlreadyExistsException(path.toString());
    } else {
      return new IOException("could not " + action + " " + path + ": " + e.getMessage(), e);
    }
    mapped.initCause(e);
    return mapped;
  }
}
