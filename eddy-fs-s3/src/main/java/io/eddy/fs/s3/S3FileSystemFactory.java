package io.eddy.fs.s3;

import io.eddy.fs.FileSystem;
import io.eddy.fs.FileSystemFactory;
import java.io.IOException;
import java.net.URI;

/**
 * Serves {@code s3://bucket/...} URIs to {@link io.eddy.fs.FileSystems}: each call builds an
 * {@link S3FileSystem} with {@link S3Settings#fromEnvironment()} and the URI's bucket as the
 * default bucket. Credentials in the URI ({@code s3://key:secret@bucket}) are refused, without
 * echoing them. Stateless.
 */
public final class S3FileSystemFactory implements FileSystemFactory {
  @Override
  public String scheme() {
    return "s3";
  }

  @Override
  public FileSystem create(URI uri) throws IOException {
    String bucket = uri.getRawAuthority();
    if (bucket != null && bucket.contains("@")) {
      throw new IOException(
          "credentials in s3:// URIs are not supported; use the AWS SDK's default credentials chain");
    }
    return new S3FileSystem(S3Settings.fromEnvironment(), bucket);
  }
}
