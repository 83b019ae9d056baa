package io.eddy.state.disagg;

import io.eddy.fs.FileSystem;
import io.eddy.fs.FileSystemFactory;
import io.eddy.fs.MemoryFileSystem;
import java.net.URI;

/**
 * Serves {@code mem://} paths in tests with one in-memory FileSystem for the whole JVM, so that
 * configuration-driven code ({@code FileSystems.forPath}) can be tested against a FileSystem
 * that is not the local disk, as S3 would be.
 */
public final class MemFileSystemFactory implements FileSystemFactory {
  static final MemoryFileSystem FS = new MemoryFileSystem();

  @Override
  public String scheme() {
    return "mem";
  }

  @Override
  public FileSystem create(URI uri) {
    return FS;
  }
}
