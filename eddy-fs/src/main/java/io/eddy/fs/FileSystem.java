package io.eddy.fs;

import java.io.IOException;
import java.util.List;

/**
 * The narrow storage boundary every Eddy component writes through: an object-store
 * friendly file system, small enough to implement on S3, HDFS, a local folder or memory.
 *
 * <p>Why so narrow: the primary copy of state may live on an object store, which has no
 * rename, no append and no in-place update. So files are created once and become visible,
 * whole and immutable, when their writer is closed; afterwards they can only be read (by
 * ranges), listed, sized and deleted. Nothing above this interface may depend on rename,
 * append or on seeing a half-written file.
 *
 * <p>Paths are strings: plain paths ({@code /a/b}, {@code a/b}) or URIs of the
 * implementation's scheme ({@code file:///a/b}). A "directory" is only a path prefix
 * ending at a {@code /}; it need not be created.
 *
 * <p>Errors: a missing file is reported as {@link java.nio.file.NoSuchFileException},
 * creating an existing one as {@link java.nio.file.FileAlreadyExistsException}; every
 * other failure is an {@link IOException} whose message names the path.
 *
 * <p>Thread safety: implementations must be safe for concurrent use by many threads.
 */
public interface FileSystem extends AutoCloseable {

  /** The URI scheme this implementation serves, such as {@code file} or {@code mem}. */
  String scheme();

  /**
   * Starts writing a new file. The file becomes visible (to {@link #exists}, {@link #list},
   * {@link #open}) only when the returned output is closed successfully; an aborted or
   * failed output leaves no file behind.
   *
   * @throws java.nio.file.FileAlreadyExistsException if the path already exists
   */
  FileOutput create(String path) throws IOException;

  /** Opens a published file for positional (ranged) reads. */
  ReadHandle open(String path) throws IOException;

  /** Reads {@code length} bytes at {@code offset}; fails if the file is shorter. */
  default byte[] read(String path, long offset, int length) throws IOException {
    try (ReadHandle handle = open(path)) {
      byte[] out = new byte[length];
      handle.readFully(offset, out, 0, length);
      return out;
    }
  }

  /** Reads a whole file (meant for small files such as manifests). */
  default byte[] readAll(String path) throws IOException {
    try (ReadHandle handle = open(path)) {
      long size = handle.size();
      if (size > Integer.MAX_VALUE - 16) {
        throw new IOException("file too large to read whole: " + path + " (" + size + " bytes)");
      }
      byte[] out = new byte[(int) size];
      handle.readFully(0, out, 0, out.length);
      return out;
    }
  }

  /** The size in bytes of a published file. */
  long size(String path) throws IOException;

  /** Whether a published file exists at this path. */
  boolean exists(String path) throws IOException;

  /**
   * The names (not paths) of the published files directly inside {@code directory},
   * sorted. A directory that does not exist lists as empty.
   */
  List<String> list(String directory) throws IOException;

  /** Deletes a file; returns false if it did not exist. */
  boolean delete(String path) throws IOException;

  /** Releases resources held by the file system (connections, pools). Idempotent. */
  @Override
  default void close() throws IOException {}
}
