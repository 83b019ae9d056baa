package io.eddy.fs.s3;

import java.io.IOException;

/**
 * A bucket and an object key: the one place where {@link io.eddy.fs.FileSystem} path strings
 * become S3 coordinates, so every operation maps {@code s3://bucket/a/b}, {@code /a/b} and
 * {@code a/b} (the last two in the file system's default bucket) the same way.
 *
 * <p>Keys never start with '/'; a directory's key never ends with one ({@link #prefix()} adds
 * it). Immutable.
 */
record S3Location(String bucket, String key) {
  private static final String SCHEME = "s3://";

  /**
   * Parses a path; plain paths are keys in {@code defaultBucket}.
   *
   * @throws IOException naming the path if it names no bucket
   */
  static S3Location parse(String path, String defaultBucket) throws IOException {
    String bucket = defaultBucket;
    String rest = path;
    if (path.contains("://") && !path.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      throw new IOException("not an s3:// path: " + path);
    }
    if (path.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      rest = path.substring(SCHEME.length());
      int slash = rest.indexOf('/');
      bucket = slash < 0 ? rest : rest.substring(0, slash);
      rest = slash < 0 ? "" : rest.substring(slash + 1);
    }
    if (bucket == null || bucket.isEmpty()) {
      throw new IOException("no bucket in " + path + " (use s3://bucket/key)");
    }
    int start = 0;
    while (start < rest.length() && rest.charAt(start) == '/') {
      start++;
    }
    int end = rest.length();
    while (end > start && rest.charAt(end - 1) == '/') {
      end--;
    }
    return new S3Location(bucket, rest.substring(start, end));
  }

  /** Parses a path that must name an object, not a bucket. */
  static S3Location parseFile(String path, String defaultBucket) throws IOException {
    S3Location loc = parse(path, defaultBucket);
    if (loc.key.isEmpty()) {
      throw new IOException("not a file path (no key): " + path);
    }
    return loc;
  }

  /** The key prefix of the objects directly or indirectly inside this location as a directory. */
  String prefix() {
    return key.isEmpty() ? "" : key + "/";
  }

  /** The canonical {@code s3://bucket/key} form, used in error messages. */
  String uri() {
    return SCHEME + bucket + "/" + key;
  }

  @Override
  public String toString() {
    return uri();
  }
}
