package io.eddy.lsm.compaction.remote;

import io.eddy.fs.LocalFileSystem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Entry point of {@code eddy compaction-worker}: runs a {@link CompactionWorker} in this
 * process until it is killed.
 *
 * <p>Flags: {@code --listen host:port} (default 127.0.0.1:7070; port 0 picks one; binds
 * loopback unless another host is given), {@code --token T} (required, or the environment
 * variable EDDY_COMPACTION_TOKEN), {@code --fs-root DIR} (the local directory that is the
 * store's FileSystem root; default the working directory). Prints
 * {@code listening on host:port} once ready.
 */
public final class CompactionWorkerMain {
  private CompactionWorkerMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the worker; returns an exit code (2 for bad arguments) when it stops. */
  public static int run(String[] args) {
    return run(args, System.out);
  }

  static int run(String[] args, PrintStream out) {
    String listen = "127.0.0.1:7070";
    String token = System.getenv("EDDY_COMPACTION_TOKEN");
    String root = ".";
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        return usage(out, "missing value for " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--listen" -> listen = value;
        case "--token" -> token = value;
        case "--fs-root" -> root = value;
        default -> {
          return usage(out, "unknown flag " + flag);
        }
      }
    }
    if (token == null || token.isEmpty()) {
      return usage(out, "a token is required (--token or EDDY_COMPACTION_TOKEN)");
    }
    int colon = listen.lastIndexOf(':');
    if (colon <= 0) {
      return usage(out, "--listen wants host:port, got " + listen);
    }
    try (CompactionWorker worker = new CompactionWorker(new LocalFileSystem(Path.of(root)), token, listen.substring(0, colon),
        Integer.parseInt(listen.substring(colon + 1)), out)) {
      out.println("listening on " + worker.host() + ":" + worker.port());
      out.flush();
      worker.serve();
      return 0;
    } catch (IOException | NumberFormatException e) {
      out.println("compaction-worker: " + e);
      return 1;
    }
  }

  private static int usage(PrintStream out, String problem) {
    out.println("compaction-worker: " + problem);
    out.println("usage: compaction-worker --listen 127.0.0.1:PORT --token T [--fs-root DIR]");
    return 2;
  }
}
