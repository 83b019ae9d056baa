package io.eddy.fs;

final class MemoryFileSystemTest extends FileSystemContractTest {
  @Override
  FileSystem fs() {
    return new MemoryFileSystem();
  }
}
