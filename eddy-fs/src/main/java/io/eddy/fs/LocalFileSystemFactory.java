package io.eddy.fs;

import java.net.URI;

/** Serves {@code file:} URIs and plain paths with a {@link LocalFileSystem} rooted at the working directory. Stateless. */
public final class LocalFileSystemFactory implements FileSystemFactory {
  @Override
  public String scheme() {
    return "file";
  }

  @Override
  public FileSystem create(URI uri) {
    // Absolute paths and file: URIs are taken as they are; a relative path (eddy-data/...) is
    // relative to the working directory, as on the command line (it was resolved against "/").
    return new LocalFileSystem();
  }
}
