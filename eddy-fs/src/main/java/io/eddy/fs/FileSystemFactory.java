package io.eddy.fs;

import java.io.IOException;
import java.net.URI;

/**
 * Creates {@link FileSystem}s for one URI scheme. Implementations are found with
 * {@link java.util.ServiceLoader} (list them in
 * {@code META-INF/services/io.eddy.fs.FileSystemFactory}), so modules such as eddy-fs-s3 or
 * eddy-fs-hdfs plug in without eddy-fs knowing them.
 *
 * <p>Thread safety: {@link #create} may be called from any thread.
 */
public interface FileSystemFactory {

  /** The scheme served, lower case, such as {@code file}, {@code s3}, {@code hdfs}. */
  String scheme();

  /** A file system able to serve {@code uri} (its authority names the bucket, cluster, ...). */
  FileSystem create(URI uri) throws IOException;
}
