package io.eddy.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LocalFileSystemTest extends FileSystemContractTest {
  @TempDir Path dir;

  @Override
  FileSystem fs() {
    return new LocalFileSystem(dir);
  }

  @Test
  void fileUrisAndAbsolutePathsResolve() throws IOException {
    LocalFileSystem fs = new LocalFileSystem(dir);
    try (FileOutput out = fs.create("f")) {
      out.write(bytes("abc"));
    }
    String abs = dir.resolve("f").toString();
    assertThat(fs.readAll(abs)).isEqualTo(bytes("abc"));
    assertThat(fs.readAll(dir.resolve("f").toUri().toString())).isEqualTo(bytes("abc"));
  }
}

