package io.eddy.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemsTest {
  @TempDir Path dir;

  @Test
  void fileSchemeAndPlainPathsAreLocal() throws IOException {
    assertThat(FileSystems.supports("file")).isTrue();
    FileSystem fs = FileSystems.forPath(dir.toUri().toString());
    String path = dir.resolve("x").toUri().toString();
    try (FileOutput out = fs.create(path)) {
      out.write(new byte[] {9});
    }
    assertThat(FileSystems.forPath(dir.resolve("x").toString()).readAll(dir.resolve("x").toString())).containsExactly(9);
  }

  @Test
  void aRelativePlainPathIsRelativeToTheWorkingDirectory() throws IOException {
    Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("rel"));
    try (FileSystem fs = FileSystems.forPath(relative.toString()); FileOutput out = fs.create(relative + "/y")) {
      out.write(new byte[] {7});
    }
    assertThat(dir.resolve("rel/y")).hasBinaryContent(new byte[] {7});
  }

  @Test
  void unknownSchemeIsNamed() {
    assertThatThrownBy(() -> FileSystems.forPath("nosuch://bucket/key")).isInstanceOf(IOException.class).hasMessageContaining("nosuch");
  }

  @Test
  void pathHelpers() {
    assertThat(FsPaths.join("a/", "b")).isEqualTo("a/b");
    assertThat(FsPaths.join("a", "b")).isEqualTo("a/b");
    assertThat(FsPaths.name("s3://b/x/y.sst")).isEqualTo("y.sst");
    assertThat(FsPaths.parent("x/y.sst")).isEqualTo("x");
    assertThat(FsPaths.scheme("s3://b/k")).isEqualTo("s3");
    assertThat(FsPaths.scheme("/tmp/x")).isNull();
  }
}
