package io.eddy.fs.hdfs;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.fs.Path;

/**
 * An Eddy path string resolved to one HDFS file: the namenode authority ({@code host:port},
 * or "" for the configured {@code fs.defaultFS}) and a normalised absolute path.
 *
 * <p>Accepted forms: {@code hdfs://namenode:port/a/b}, and plain {@code /a/b} or {@code a/b},
 * which both mean {@code /a/b} on the file system's default authority. Immutable.
 */
record HdfsPath(String authority, String path) {
  private static final String PREFIX = "hdfs://";
  private static final String IN_PROGRESS_SUFFIX = ".inprogress";

  /**
   * Resolves {@code path} (an hdfs:// URI or a plain path) against {@code defaultAuthority}.
   *
   * @throws IOException naming the path if it has another scheme or Hadoop rejects it
   */
  static HdfsPath parse(String path, String defaultAuthority) throws IOException {
    try {
      if (path.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
        int slash = path.indexOf('/', PREFIX.length());
        String authority = slash < 0 ? path.substring(PREFIX.length()) : path.substring(PREFIX.length(), slash);
        return new HdfsPath(authority, normalize(slash < 0 ? "/" : path.substring(slash)));
      }
      if (path.contains("://")) {
        throw new IOException("not an hdfs:// path: " + path);
      }
      return new HdfsPath(defaultAuthority, normalize(path.startsWith("/") ? path : "/" + path));
    } catch (IllegalArgumentException e) {
      throw new IOException("not a valid HDFS path: " + path + " (" + e.getMessage() + ")", e);
    }
  }

  /** Collapses repeated and trailing slashes and "." / ".." segments as Hadoop does. */
  private static String normalize(String absolute) {
    return new Path(absolute).toUri().getPath();
  }

  /** Whether a file name is that of a writer's temporary (see {@link #inProgressSibling}). */
  static boolean isInProgress(String name) {
    return name.startsWith(".") && name.endsWith(IN_PROGRESS_SUFFIX);
  }

  /** The path in the form Hadoop's client takes; the client supplies scheme and authority. */
  Path hadoopPath() {
    return new Path(path);
  }

  /** The file name (last element). */
  String name() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * A fresh hidden temporary in the same directory, {@code .<name>.<uuid>.inprogress}: the
   * same directory keeps the publishing rename a single atomic namenode operation.
   */
  HdfsPath inProgressSibling() {
    String parent = path.substring(0, path.lastIndexOf('/'));
    return new HdfsPath(authority, parent + "/." + name() + "." + UUID.randomUUID() + IN_PROGRESS_SUFFIX);
  }

  /** The full {@code hdfs://authority/path} form, used in every error message. */
  @Override
  public String toString() {
    return PREFIX + authority + path;
  }
}
