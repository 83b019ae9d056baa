package io.eddy.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The latency wrapper is a correct file system (the contract) and delays exactly the content reads. */
final class ReadLatencyFileSystemTest extends FileSystemContractTest {
  @Override
  FileSystem fs() {
    return new ReadLatencyFileSystem(new MemoryFileSystem(), Duration.ofNanos(1_000));
  }

  @Test
  void delaysEveryContentReadAndNothingElse() throws IOException {
    ReadLatencyFileSystem fs = new ReadLatencyFileSystem(new MemoryFileSystem(), Duration.ofMillis(20));
    try (FileOutput out = fs.create("d/a")) {
      out.write("hello".getBytes(StandardCharsets.UTF_8), 0, 5);
    }
    assertThat(fs.exists("d/a")).isTrue();
    assertThat(fs.size("d/a")).isEqualTo(5);
    assertThat(fs.list("d/")).containsExactly("a");
    assertThat(fs.delayedReads()).isZero();

    long start = System.nanoTime();
    assertThat(new String(fs.read("d/a", 1, 3), StandardCharsets.UTF_8)).isEqualTo("ell");
    assertThat(fs.readAll("d/a")).hasSize(5);
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(40).toNanos());
    assertThat(fs.delayedReads()).isEqualTo(2);
  }

  @Test
  void refusesANegativeDelay() {
    assertThatThrownBy(() -> new ReadLatencyFileSystem(new MemoryFileSystem(), Duration.ofMillis(-1)))
        .hasMessageContaining("negative");
  }
}
