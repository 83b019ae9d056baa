package io.eddy.fs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link FileSystem} held in memory: fast, hermetic tests and examples.
 *
 * <p>Paths are normalised by dropping a {@code mem://} prefix and leading '/', so
 * {@code /a/b}, {@code a/b} and {@code mem:///a/b} name the same file.
 *
 * <p>Thread safety: thread-safe; published files are immutable byte arrays in a
 * concurrent map, published with {@code putIfAbsent}.
 */
public final class MemoryFileSystem implements FileSystem {
  private final ConcurrentMap<String, byte[]> files = new ConcurrentHashMap<>();

  @Override
  public String scheme() {
    return "mem";
  }

  static String normalize(String path) {
    String p = path.startsWith("mem://") ? path.substring("mem://".length()) : path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  @Override
  public FileOutput create(String path) throws IOException {
    String key = normalize(path);
    if (files.containsKey(key)) {
      throw new FileAlreadyExistsException(path);
    }
    return new FileOutput() {
      private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
      private boolean done;

      @Override
      public String path() {
        return path;
      }

      @Override
      public long position() {
        return buf.size();
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (done) {
          throw new IOException("output already closed: " + path);
        }
        buf.write(b, off, len);
      }

      @Override
      public void abort() {
        done = true;
      }

      @Override
      public void close() throws IOException {
        if (done) {
          return;
        }
        done = true;
        if (files.putIfAbsent(key, buf.toByteArray()) != null) {
          throw new FileAlreadyExistsException(path);
        }
      }
    };
  }

  private byte[] bytes(String path) throws NoSuchFileException {
    byte[] data = files.get(normalize(path));
    if (data == null) {
      throw new NoSuchFileException(path);
    }
    return data;
  }

  @Override
  public ReadHandle open(String path) throws IOException {
    byte[] data = bytes(path);
    return new ReadHandle() {
      @Override
      public String path() {
        return path;
      }

      @Override
      public long size() {
        return data.length;
      }

      @Override
      public void readFully(long position, byte[] dst, int offset, int length) throws IOException {
        ReadHandle.checkRange(path, position, length, data.length);
        System.arraycopy(data, (int) position, dst, offset, length);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public long size(String path) throws IOException {
    return bytes(path).length;
  }

  @Override
  public boolean exists(String path) {
    return files.containsKey(normalize(path));
  }

  @Override
  public List<String> list(String directory) {
    String dir = normalize(directory);
    String prefix = dir.isEmpty() ? "" : dir + "/";
    return files.keySet().stream()
        .filter(k -> k.startsWith(prefix) && k.indexOf('/', prefix.length()) < 0)
        .map(k -> k.substring(prefix.length()))
        .sorted()
        .toList();
  }

  @Override
  public boolean delete(String path) {
    return files.remove(normalize(path)) != null;
  }

  /** Total bytes held, for tests that check nothing leaks. */
  public long totalBytes() {
    return files.values().stream().mapToLong(b -> b.length).sum();
  }

  @Override
  public String toString() {
    return "MemoryFileSystem[" + files.size() + " files]";
  }
}
