package io.eddy.fs.hdfs;

import io.eddy.fs.FileOutput;
import io.eddy.fs.FileSystem;
import io.eddy.fs.ReadHandle;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * {@link FileSystem} on HDFS through the Hadoop client, for {@code hdfs://namenode:port/path}.
 *
 * <p>Paths may name any namenode ({@code hdfs://host:port/a}); plain paths ({@code /a},
 * {@code a}) mean {@code /a} on the authority this file system was created for. New files
 * are published by an atomic rename of a hidden temporary (see {@link HdfsFileOutput}),
 * which {@link #list} never shows. Only files count: directories are neither listed nor
 * {@link #exists existing} files.
 *
 * <p>Clients come from a shared {@link HdfsClientPool}, one per authority, taken on first
 * use; {@link #close} gives them back, and the pool closes a client when no file system
 * holds it any more. Outputs and handles still open then fail.
 *
 * <p>Thread safety: thread-safe; Hadoop's {@code DistributedFileSystem} is.
 */
public final class HdfsFileSystem implements FileSystem {
  private final HdfsClientPool pool;
  private final String defaultAuthority;
  private final Map<String, DistributedFileSystem> held = new ConcurrentHashMap<>();
  private boolean closed;

  HdfsFileSystem(HdfsClientPool pool, String defaultAuthority) {
    this.pool = pool;
    this.defaultAuthority = defaultAuthority;
  }

  @Override
  public String scheme() {
    return "hdfs";
  }

  private HdfsPath resolve(String path) throws IOException {
    return HdfsPath.parse(path, defaultAuthority);
  }

  private DistributedFileSystem client(HdfsPath path) throws IOException {
    DistributedFileSystem client = held.get(path.authority());
    return client != null ? client : acquire(path);
  }

  private synchronized DistributedFileSystem acquire(HdfsPath path) throws IOException {
    if (closed) {
      throw new IOException("file system closed: " + path);
    }
    DistributedFileSystem client = held.get(path.authority());
    if (client == null) {
      client = pool.acquire(path.authority());
      held.put(path.authority(), client);
    }
    return client;
  }

  /** The status of a published file; directories count as missing. */
  private FileStatus fileStatus(HdfsPath file) throws IOException {
    FileStatus status;
    try {
      status = client(file).getFileStatus(file.hadoopPath());
    } catch (IOException e) {
      throw HdfsErrors.translate(e, "stat", file);
    }
    if (!status.isFile()) {
      throw new NoSuchFileException(file.toString(), null, "a directory, not a file");
    }
    return status;
  }

  @Override
  public FileOutput create(String path) throws IOException {
    HdfsPath target = resolve(path);
    DistributedFileSystem client = client(target);
    boolean exists;
    try {
      exists = client.exists(target.hadoopPath());
    } catch (IOException e) {
      throw HdfsErrors.translate(e, "create", target);
    }
    if (exists) {
      throw new FileAlreadyExistsException(target.toString());
    }
    return HdfsFileOutput.start(path, client, target);
  }

  @Override
  public ReadHandle open(String path) throws IOException {
    HdfsPath file = resolve(path);
    long size = fileStatus(file).getLen();
    try {
      FSDataInputStream in = client(file).open(file.hadoopPath());
      return new HdfsReadHandle(file, in, size);
    } catch (IOException e) {
      throw HdfsErrors.translate(e, "open", file);
    }
  }

  @Override
  public long size(String path) throws IOException {
    return fileStatus(resolve(path)).getLen();
  }

  @Override
  public boolean exists(String path) throws IOException {
    try {
      fileStatus(resolve(path));
      return true;
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  @Override
  public List<String> list(String directory) throws IOException {
    HdfsPath dir = resolve(directory);
    FileStatus[] children;
    try {
      children = client(dir).listStatus(dir.hadoopPath());
    } catch (FileNotFoundException e) {
      return List.of();
    } catch (IOException e) {
      throw HdfsErrors.translate(e, "list", dir);
    }
    // Listing a file yields the file itself: it is no directory, so it lists as empty.
    return Arrays.stream(children)
        .filter(s -> s.isFile() && !s.getPath().toUri().getPath().equals(dir.path()))
        .map(s -> s.getPath().getName())
        .filter(name -> !HdfsPath.isInProgress(name))
        .sorted()
        .toList();
  }

  @Override
  public boolean delete(String path) throws IOException {
    HdfsPath file = resolve(path);
    try {
      return client(file).delete(file.hadoopPath(), false);
    } catch (IOException e) {
      throw HdfsErrors.translate(e, "delete", file);
    }
  }

  /** Gives the clients back to the pool, which closes those no one else holds. Idempotent. */
  @Override
  public void close() throws IOException {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    IOException failure = null;
    for (String authority : held.keySet()) {
      try {
        pool.release(authority);
      } catch (IOException e) {
        if (failure == null) {
          failure = new IOException("could not close the client of hdfs://" + authority, e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    held.clear();
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "HdfsFileSystem[hdfs://" + defaultAuthority + "]";
  }
}
