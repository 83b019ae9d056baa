package io.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.nexmark.job.NexmarkJob;
import io.eddy.nexmark.job.NexmarkJobOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code eddy checkpoints inspect} reads every file a checkpoint references: after one byte of
 * each SST (rocksdb, disaggregated) or of the keyed state file (hashmap) is flipped, it fails
 * naming the bad file and, for SSTs, the offset of the bad block.
 */
@Timeout(120)
class CheckpointsInspectTest {

  private record Run(int exitCode, String out) {}

  private static Run inspect(Path checkpoint) {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new EddyCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out));
    int code = cli.execute("checkpoints", "inspect", checkpoint.toString());
    return new Run(code, out.toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"rocksdb, .sst", "disaggregated, .sst", "hashmap, .state"})
  void aFlippedByteInAReferencedFileIsFoundAndNamed(String backend, String corruptSuffix, @TempDir Path dir)
      throws Exception {
    Path checkpoints = dir.resolve("checkpoints");
    NexmarkJob.run(NexmarkJobOptions.builder("q5").events(20_000).seed(3).rate(40_000).stateBackend(backend)
        .discardResults()
        .configuration("execution.checkpointing.interval", "50ms")
        .configuration("state.checkpoints.dir", checkpoints.toString())
        .configuration("state.checkpoints.num-retained", "1000")
        .configuration("state.backend.rocksdb.localdir", dir.resolve("rocksdb").toString()).build(), n -> { });
    Path latest = latestCheckpoint(checkpoints);

    Run clean = inspect(latest);
    assertThat(clean.exitCode()).as(clean.out()).isZero();
    assertThat(clean.out()).contains("verified: every file");
    if (!backend.equals("hashmap")) {
      assertThat(clean.out()).containsPattern("the " + backend + " files it references: [1-9]");
    }

    List<Path> targets = files(backend.equals("hashmap") ? latest : checkpoints, corruptSuffix);
    assertThat(targets).isNotEmpty();
    for (Path file : targets) {
      byte[] bytes = Files.readAllBytes(file);
      bytes[Math.min(100, bytes.length / 2)] ^= 0x10;
      Files.write(file, bytes);
    }
    Run corrupt = inspect(latest);
    assertThat(corrupt.exitCode()).as(corrupt.out()).isEqualTo(1);
    assertThat(corrupt.out()).contains("CORRUPT").containsPattern("\\S+" + corruptSuffix.replace(".", "\\."));
    if (corruptSuffix.equals(".sst")) {
      assertThat(corrupt.out()).containsPattern("offset \\d+");
    }
  }

  /** The newest completed checkpoint with state (the last ones of a job may record every task finished, without state). */
  private static Path latestCheckpoint(Path checkpoints) throws IOException {
    try (Stream<Path> files = Files.list(checkpoints)) {
      List<String> markers = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("completed-chk-"))
          .sorted(java.util.Comparator.reverseOrder()).toList();
      for (String marker : markers) {
        Path chk = checkpoints.resolve("chk-" + Long.parseLong(marker.substring("completed-chk-".length())));
        if (io.eddy.runtime.checkpoint.CheckpointStorage.readFolder(chk.toString()).operators().values().stream()
            .anyMatch(io.eddy.runtime.checkpoint.CheckpointMetadata.OperatorState::hasState)) {
          return chk;
        }
      }
      throw new AssertionError("no completed checkpoint with state in " + checkpoints);
    }
  }


  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix) && !p.toString().contains("nexmark_source"))
          .filter(p -> p.toFile().length() > 200).toList();
    }
  }
}
