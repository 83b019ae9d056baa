package io.eddy.runtime.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The other side of {@link JobControlFolder}: finds the running jobs of this machine under a
 * control folder, and leaves a request for one of them and waits for its answer. Folders of
 * jobs whose process is gone are removed when listed. Stateless; any process may use it.
 */
public final class JobControlClient {
  private final Path root;

  public JobControlClient(Path root) {
    this.root = root;
  }

  /** A running job as its folder describes it. */
  public record JobInfo(String id, String name, long pid, long startedMillis, Path folder) {}

  /** The running jobs, oldest first. */
  public List<JobInfo> list() {
    List<JobInfo> jobs = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return jobs;
    }
    try (Stream<Path> folders = Files.list(root)) {
      for (Path folder : (Iterable<Path>) folders.filter(Files::isDirectory)::iterator) {
        Path file = folder.resolve(JobControlFolder.JOB_FILE);
        if (!Files.exists(file)) {
          continue;
        }
        Properties p = ControlFiles.read(file);
        long pid = Long.parseLong(p.getProperty("pid", "-1"));
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          jobs.add(new JobInfo(p.getProperty("id"), p.getProperty("name"), pid,
              Long.parseLong(p.getProperty("started", "0")), folder));
        } else {
          JobControlFolder.deleteFolder(folder);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list jobs in " + root + ": " + e.getMessage(), e);
    }
    jobs.sort((a, b) -> Long.compare(a.startedMillis(), b.startedMillis()));
    return jobs;
  }

  /** The one running job whose id starts with {@code idOrName} or whose name is {@code idOrName}. */
  public JobInfo find(String idOrName) {
    List<JobInfo> jobs = list();
    List<JobInfo> matches = jobs.stream().filter(j -> j.id().startsWith(idOrName)).toList();
    if (matches.isEmpty()) {
      matches = jobs.stream().filter(j -> j.name().equals(idOrName)).toList();
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      throw new IllegalArgumentException("No running job '" + idOrName + "' in " + root
          + (jobs.isEmpty() ? " (no job is running)" : "; running: " + describe(jobs)));
    }
    throw new IllegalArgumentException("'" + idOrName + "' names several running jobs: " + describe(matches)
        + "; give more of the job id");
  }

  private static String describe(List<JobInfo> jobs) {
    return String.join(", ", jobs.stream().map(j -> j.id() + " (" + j.name() + ")").toList());
  }

  /**
   * Asks {@code job} for {@code action} (savepoint, stop-with-savepoint, cancel) and waits for
   * the answer: the savepoint's folder ("" for cancel).
   *
   * @throws IllegalStateException with the job's reason if it refused or failed, or if it did
   *     not answer in time or ended first
   */
  public String request(JobInfo job, String action, String folder, Duration timeout) throws InterruptedException {
    String id = UUID.randomUUID().toString();
    Path request = job.folder().resolve(id + JobControlFolder.REQUEST);
    Path result = job.folder().resolve(id + JobControlFolder.RESULT);
    Properties values = new Properties();
    values.setProperty("action", action);
    values.setProperty("folder", folder == null ? "" : folder);
    try {
      ControlFiles.write(request, values);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!Files.exists(result)) {
        if (!Files.isDirectory(job.folder())) {
          throw new IllegalStateException("Job " + job.id() + " ended before it answered");
        }
        if (System.nanoTime() > deadline) {
          Files.deleteIfExists(request);
          throw new IllegalStateException("Job " + job.id() + " did not answer within " + timeout.toSeconds() + " s");
        }
        Thread.sleep(50);
      }
      Properties answer = ControlFiles.read(result);
      Files.deleteIfExists(result);
      if (!"ok".equals(answer.getProperty("status"))) {
        throw new IllegalStateException(action + " of job " + job.id() + " failed: " + answer.getProperty("message"));
      }
      return answer.getProperty("path", "");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot talk to job " + job.id() + " through " + job.folder() + ": "
          + e.getMessage(), e);
    }
  }
}
