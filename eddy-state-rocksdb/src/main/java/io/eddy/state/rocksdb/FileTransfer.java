package io.eddy.state.rocksdb;

import io.eddy.fs.FileOutput;
import io.eddy.fs.FileSystem;
import io.eddy.fs.ReadHandle;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32C;

/**
 * Copies files between a store's local directory and the checkpoint {@link FileSystem}, several
 * at a time: uploads record each file's size and CRC32C, downloads verify them, so that a missing,
 * truncated or corrupt checkpoint file fails the restore with an error naming it instead of a
 * RocksDB error about a local copy. Counts everything in {@link TransferStats}. Thread-safe.
 */
final class FileTransfer {
  private static final int CHUNK = 1 << 20;

  private final FileSystem fs;
  private final int threads;
  private final TransferStats stats;

  FileTransfer(FileSystem fs, int threads, TransferStats stats) {
    this.fs = fs;
    this.threads = threads;
    this.stats = stats;
  }

  FileSystem fileSystem() {
    return fs;
  }

  /** Uploads a local file to the new file {@code path}, in a shared folder or not. */
  CheckpointFile upload(Path local, String path, boolean shared) throws IOException {
    CRC32C crc = new CRC32C();
    byte[] buffer = new byte[CHUNK];
    long size = 0;
    FileOutput out = fs.create(path);
    try (InputStream in = Files.newInputStream(local)) {
      for (int n; (n = in.read(buffer)) > 0; size += n) {
        crc.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
      out.close();
    } catch (IOException | RuntimeException e) {
      out.abort();
      throw e;
    }
    stats.uploaded(size);
    return new CheckpointFile(local.getFileName().toString(), path, size, (int) crc.getValue(), shared);
  }

  /** Downloads a checkpoint file into {@code directory} under its database name, verifying it. */
  void download(CheckpointFile file, Path directory) throws IOException {
    CRC32C crc = new CRC32C();
    byte[] buffer = new byte[CHUNK];
    try (ReadHandle in = fs.open(file.path());
        OutputStream out = Files.newOutputStream(directory.resolve(file.name()))) {
      long size = in.size();
      if (size != file.size()) {
        throw new IOException("checkpoint file " + file.path() + " has " + size + " bytes, the checkpoint recorded "
            + file.size() + " (truncated or replaced)");
      }
      for (long position = 0; position < size; ) {
        int n = (int) Math.min(buffer.length, size - position);
        in.readFully(position, buffer, 0, n);
        crc.update(buffer, 0, n);
        out.write(buffer, 0, n);
        position += n;
      }
    } catch (NoSuchFileException e) {
      throw new IOException("checkpoint file " + file.path() + " is missing (RocksDB file " + file.name() + ")", e);
    }
    if ((int) crc.getValue() != file.crc32c()) {
      throw new IOException("checkpoint file " + file.path() + " is corrupt: its CRC32C does not match the checkpoint's");
    }
    stats.downloaded(file.size());
  }

  /** Downloads all files into {@code directory}, several at a time. */
  void downloadAll(List<CheckpointFile> files, Path directory) throws IOException {
    List<Callable<Void>> tasks = new ArrayList<>();
    for (CheckpointFile file : files) {
      tasks.add(() -> {
        download(file, directory);
        return null;
      });
    }
    runAll(tasks);
  }

  /** Runs the transfers, up to {@code threads} at a time; the first failure cancels the rest. */
  <T> List<T> runAll(List<Callable<T>> tasks) throws IOException {
    if (tasks.size() <= 1 || threads == 1) {
      List<T> results = new ArrayList<>();
      for (Callable<T> task : tasks) {
        results.add(call(task));
      }
      return results;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), runnable -> {
      Thread thread = new Thread(runnable, "rocksdb-transfer");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(task));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while transferring checkpoint files", e);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T call(Callable<T> task) throws IOException {
    try {
      return task.call();
    } catch (Exception e) {
      throw rethrow(e);
    }
  }

  private static IOException rethrow(Throwable failure) {
    if (failure instanceof IOException io) {
      return io;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new IOException(failure);
  }
}
