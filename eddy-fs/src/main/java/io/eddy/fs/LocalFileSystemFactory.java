package io.eddy.fs;

import java.net.URI;
import java.nio.file.Path;

/** Serves {@code file:} URIs with a {@link LocalFileSystem} rooted at '/'. Stateless. */
public final class LocalFileSystemFactory implements FileSystemFactory {
  @Override
  public String scheme() {
    return "file";
  }

  @Override
  public FileSystem create(URI uri) {
    return new LocalFileSystem(Path.of("/"));
  }
}
