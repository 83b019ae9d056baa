package io.eddy.cli;

import io.eddy.lsm.compaction.remote.CompactionWorkerMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * Runs eddy-lsm's remote compaction worker as this process: {@code --listen host:port}
 * (default 127.0.0.1:7070), {@code --token T} (or EDDY_COMPACTION_TOKEN), {@code --fs-root DIR}.
 */
@Command(name = "compaction-worker", description = "Serve remote LSM compactions (binds 127.0.0.1 by default).")
final class CompactionWorkerCommand implements Callable<Integer> {
  @Unmatched
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    return CompactionWorkerMain.run(args.toArray(String[]::new));
  }
}
