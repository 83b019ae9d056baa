package io.eddy.lsm.cache;

import io.eddy.fs.FileOutput;
import io.eddy.fs.FileSystem;
import io.eddy.fs.ReadHandle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A FileSystem view that serves reads of a remote FileSystem through a
 * {@link LocalFileCache}, and (write-through) keeps a local copy of every file written.
 * Everything else passes straight through. Deleting a file also evicts it.
 *
 * <p>Thread safety: thread-safe, like its parts.
 */
final class CachingFileSystem implements FileSystem {
  private final FileSystem remote;
  private final LocalFileCache cache;

  CachingFileSystem(FileSystem remote, LocalFileCache cache) {
    this.remote = remote;
    this.cache = cache;
  }

  @Override
  public String scheme() {
    return remote.scheme();
  }

  @Override
  public FileOutput create(String path) throws IOException {
    FileOutput out = remote.create(path);
    if (!cache.writeThrough()) {
      return out;
    }
    Path local = cache.newLocalFile();
    OutputStream copy = Files.newOutputStream(local);
    return new FileOutput() {
      private boolean copyOk = true;

      @Override
      public String path() {
        return out.path();
      }

      @Override
      public long position() {
        return out.position();
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        if (copyOk) {
          try {
            copy.write(b, off, len);
          } catch (IOException e) {
            copyOk = false;
          }
        }
      }

      @Override
      public void abort() {
        out.abort();
        closeCopy(false);
      }

      @Override
      public void close() throws IOException {
        out.close();
        closeCopy(copyOk);
        if (copyOk) {
          cache.adopt(path, local, out.position());
        }
      }

      private void closeCopy(boolean keep) {
        try {
          copy.close();
          if (!keep) {
            Files.deleteIfExists(local);
          }
        } catch (IOException e) {
          copyOk = false;
        }
      }
    };
  }

  @Override
  public ReadHandle open(String path) throws IOException {
    ReadHandle h = remote.open(path);
    return new ReadHandle() {
      @Override
      public String path() {
        return path;
      }

      @Override
      public long size() throws IOException {
        return h.size();
      }

      @Override
      public void readFully(long position, byte[] dst, int offset, int length) throws IOException {
        cache.read(h, position, dst, offset, length);
      }

      @Override
      public void close() throws IOException {
        h.close();
      }
    };
  }

  @Override
  public long size(String path) throws IOException {
    return remote.size(path);
  }

  @Override
  public boolean exists(String path) throws IOException {
    return remote.exists(path);
  }

  @Override
  public List<String> list(String directory) throws IOException {
    return remote.list(directory);
  }

  @Override
  public boolean delete(String path) throws IOException {
    cache.evict(path);
    return remote.delete(path);
  }

  @Override
  public String toString() {
    return "Cached[" + remote + "]";
  }
}
