package io.eddy.fs;

/**
 * String helpers for the {@link FileSystem} path convention: '/'-separated, an optional
 * {@code scheme://} prefix, no "directory objects". Stateless and thread-safe.
 */
public final class FsPaths {
  private FsPaths() {}

  /** Joins a directory and a child name with exactly one '/'. */
  public static String join(String directory, String name) {
    if (directory.isEmpty()) {
      return name;
    }
    return directory.endsWith("/") ? directory + name : directory + "/" + name;
  }

  /** The last path element (the file name). */
  public static String name(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /** Everything before the last '/', or "" for a bare name. */
  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** The scheme of a URI-like path ({@code s3://b/k} gives {@code s3}), or null for plain paths. */
  public static String scheme(String path) {
    int colon = path.indexOf("://");
    if (colon <= 0) {
      return path.startsWith("file:") ? "file" : null;
    }
    return path.substring(0, colon);
  }
}
