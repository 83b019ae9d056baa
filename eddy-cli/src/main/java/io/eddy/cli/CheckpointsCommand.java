package io.eddy.cli;

import io.eddy.fs.FileSystem;
import io.eddy.fs.FileSystems;
import io.eddy.runtime.checkpoint.CheckpointMetadata;
import io.eddy.runtime.checkpoint.CheckpointStorage;
import io.eddy.runtime.checkpoint.StateFile;
import io.eddy.runtime.checkpoint.StateHandle;
import io.eddy.state.StateBackendFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Lists and inspects the checkpoints in a checkpoint directory (any Eddy FileSystem path). */
@Command(name = "checkpoints", mixinStandardHelpOptions = true, description = "List or inspect checkpoints.",
    subcommands = {CheckpointsCommand.ListCheckpoints.class, CheckpointsCommand.Inspect.class})
final class CheckpointsCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static CheckpointStorage storage(String dir) throws java.io.IOException {
    return new CheckpointStorage(FileSystems.forPath(dir), dir);
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The completed checkpoints in DIR, oldest first.")
  static final class ListCheckpoints implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "The checkpoint directory (state.checkpoints.dir).")
    String dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      CheckpointStorage storage = storage(dir);
      List<Long> ids = storage.completedIds();
      if (ids.isEmpty()) {
        out.println("no completed checkpoints in " + dir);
        return 0;
      }
      out.printf("%-8s %-24s %14s %10s  %s%n", "id", "completed", "bytes", "operators", "path");
      for (long id : ids) {
        CheckpointMetadata m = storage.loadMetadata(id);
        out.printf("%-8d %-24s %14d %10d  %s%n", id, Instant.ofEpochMilli(m.timestampMillis()), m.totalBytes(),
            m.operators().size(), storage.directory() + "chk-" + id);
      }
      return 0;
    }
  }

  @Command(name = "inspect", mixinStandardHelpOptions = true,
      description = "Id, time, size and per-operator state of one checkpoint (DIR/chk-N) or savepoint (its folder). "
          + "Verifies every file it "
          + "references: state files, RocksDB files (size, CRC32C, every SST block) and the disaggregated store's "
          + "manifests and SSTs (every block's checksum). Exit code 1 names the first bad file (and block offset).")
  static final class Inspect implements Callable<Integer> {
    private static final Pattern CHECKPOINT = Pattern.compile("^(.*?)/?chk-(\\d+)/?$");

    @Parameters(paramLabel = "DIR/chk-N|SAVEPOINT", description = "A checkpoint, e.g. eddy-data/checkpoints/chk-12, "
        + "or a savepoint folder (the one holding its _metadata).")
    String path;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Matcher m = CHECKPOINT.matcher(path);
      CheckpointMetadata metadata;
      FileSystem fs;
      String kind;
      if (m.matches()) {
        CheckpointStorage storage = storage(m.group(1).isEmpty() ? "." : m.group(1));
        metadata = storage.loadMetadata(Long.parseLong(m.group(2)));
        fs = storage.fileSystem();
        kind = "checkpoint";
      } else {
        try {
          metadata = CheckpointStorage.readFolder(path);
        } catch (IllegalArgumentException e) {
          throw new picocli.CommandLine.ParameterException(spec.commandLine(),
              "not a checkpoint (DIR/chk-N) or savepoint folder: " + e.getMessage());
        }
        fs = FileSystems.forPath(path);
        kind = "savepoint";
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%s %d of job '%s'%n", kind, metadata.checkpointId(), metadata.jobName());
      out.printf("  completed       %s%n", Instant.ofEpochMilli(metadata.timestampMillis()));
      out.printf("  size            %d bytes%n", metadata.totalBytes());
      out.printf("  checkpointed    %d bytes (written by this checkpoint; less than the size when incremental)%n",
          metadata.checkpointedBytes());
      out.printf("  key groups      %d (max parallelism)%n", metadata.maxParallelism());
      for (CheckpointMetadata.OperatorState op : metadata.operators().values()) {
        out.printf("  operator '%s' (state id %s), parallelism %d, %d bytes%s%n", op.name(), op.stateId(),
            op.parallelism(), op.totalBytes(), op.isFullyFinished() ? ", finished"
                : op.finishedSubtasks().isEmpty() ? "" : ", finished subtasks " + op.finishedSubtasks());
        for (StateHandle h : op.subtasks()) {
          if (h.path() == null) {
            out.printf("    subtask %d: no state%n", h.subtask());
            continue;
          }
          String verified;
          StateFile file;
          try {
            file = StateFile.read(fs, h.path());
            verified = file.hasHandle() ? verifyHandle(file) : "verified";
          } catch (IOException | RuntimeException e) {
            out.printf("    subtask %d: CORRUPT: %s%n", h.subtask(), e.getMessage());
            out.printf("%s %d is not usable: the first bad file is named above%n", kind, metadata.checkpointId());
            return 1;
          }
          StringBuilder lists = new StringBuilder();
          file.lists().forEach((name, values) -> lists.append(' ').append(name).append('=').append(values.size()));
          out.printf("    subtask %d: %d bytes, key groups %s,%s %s  %s%n", h.subtask(), h.size(),
              h.keyGroups() == null ? "-" : h.keyGroups().toString(),
              lists.length() == 0 ? "" : " lists" + lists + ",", verified, h.path());
        }
      }
      out.printf("verified: every file the %s references was read whole and its checksums match%n", kind);
      return 0;
    }

    /** Reads every file the state file's backend handle references, checking every checksum. */
    private static String verifyHandle(StateFile file) throws IOException {
      StateBackendFactory.VerifiedFiles v = StateBackendFactory.load(file.backendType()).verifyHandle(file.handle());
      return String.format("verified (and the %s files it references: %d, %d bytes)", file.backendType(), v.files(),
          v.bytes());
    }
  }
}
