package io.eddy.runtime.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * How a running job receives requests from other processes on the same machine: a folder
 * {@code <control-dir>/<job id>/} holding {@code job.properties} (name, pid, start) and the
 * requests that {@link JobControlClient} leaves there as {@code <request>.request} files. A
 * daemon thread looks for new requests every 100 ms, hands each to the {@link Handler}, and
 * answers with {@code <request>.result} once the handler's future completes. Every file is
 * written under a temporary name and renamed, so neither side reads half a file. The folder is
 * deleted when the job ends; a folder whose pid is gone is stale and removed by the client.
 */
public final class JobControlFolder implements AutoCloseable {
  static final String JOB_FILE = "job.properties";
  static final String REQUEST = ".request";
  static final String RESULT = ".result";
  private static final long POLL_MILLIS = 100;

  /** What a job does on a request. */
  public interface Handler {
    /**
     * Takes a savepoint into {@code folder} (empty: the configured default); with {@code stop}
     * the job then ends. Completes with the savepoint's folder.
     */
    CompletableFuture<String> savepoint(String folder, boolean stop);

    /** Cancels the job without a savepoint. */
    void cancel();
  }

  private final Path folder;
  private final Handler handler;
  private final Thread watcher;
  private volatile boolean closed;

  private JobControlFolder(Path folder, Handler handler, String jobName) {
    this.folder = folder;
    this.handler = handler;
    this.watcher = new Thread(this::watch, "Eddy job control (" + jobName + ")");
    this.watcher.setDaemon(true);
  }

  /** Creates the job's folder under {@code root} and starts watching it. */
  public static JobControlFolder open(Path root, String jobId, String jobName, Handler handler) {
    Path folder = root.resolve(jobId);
    try {
      Files.createDirectories(folder);
      Properties job = new Properties();
      job.setProperty("id", jobId);
      job.setProperty("name", jobName);
      job.setProperty("pid", String.valueOf(ProcessHandle.current().pid()));
      job.setProperty("started", String.valueOf(System.currentTimeMillis()));
      ControlFiles.write(folder.resolve(JOB_FILE), job);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the job's control folder " + folder + ": " + e.getMessage()
          + " (execution.control-dir)", e);
    }
    JobControlFolder control = new JobControlFolder(folder, handler, jobName);
    control.watcher.start();
    return control;
  }

  public Path folder() {
    return folder;
  }

  private void watch() {
    while (!closed) {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path request : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith(REQUEST))::iterator) {
          accept(request);
        }
      } catch (IOException | UncheckedIOException e) {
        // the folder went away (job ending) or a file vanished while listed: look again next round
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void accept(Path request) throws IOException {
    String name = request.getFileName().toString();
    Path result = folder.resolve(name.substring(0, name.length() - REQUEST.length()) + RESULT);
    Properties values = ControlFiles.read(request);
    Files.delete(request);
    String action = values.getProperty("action", "");
    switch (action) {
      case "savepoint", "stop-with-savepoint" -> handler.savepoint(values.getProperty("folder", ""),
          action.equals("stop-with-savepoint")).whenComplete((path, failure) -> answer(result, path, failure));
      case "cancel" -> {
        handler.cancel();
        answer(result, "", null);
      }
      default -> answer(result, null, new IllegalArgumentException("unknown request '" + action + "'"));
    }
  }

  private void answer(Path result, String path, Throwable failure) {
    Properties values = new Properties();
    if (failure == null) {
      values.setProperty("status", "ok");
      values.setProperty("path", path);
    } else {
      Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      values.setProperty("status", "failed");
      values.setProperty("message", String.valueOf(cause.getMessage() != null ? cause.getMessage() : cause));
    }
    try {
      ControlFiles.write(result, values);
    } catch (IOException e) {
      System.err.println("eddy: cannot answer a control request in " + folder + ": " + e.getMessage());
    }
  }

  /**
   * Stops watching and deletes the folder, after giving the clients up to two seconds to read
   * answers still there (a stop-with-savepoint is answered just before the job ends).
   */
  @Override
  public void close() {
    closed = true;
    watcher.interrupt();
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (hasUnreadAnswers() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    deleteFolder(folder);
  }

  private boolean hasUnreadAnswers() {
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(RESULT));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  static void deleteFolder(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // best effort: a stale folder is recognised by its dead pid and removed by the client
    }
  }
}
