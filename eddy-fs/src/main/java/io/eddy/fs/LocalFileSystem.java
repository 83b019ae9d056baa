package io.eddy.fs;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@link FileSystem} over a local directory: the development stand-in for an object store
 * and the home of local caches.
 *
 * <p>Relative paths resolve against the root given at construction; absolute paths and
 * {@code file:} URIs are taken as they are. A new file is written to a hidden temporary
 * sibling ({@code .name.tmp-uuid}) and moved into place on close, so readers never see a
 * partial file; hidden temporaries are never listed. (The rename is this implementation's
 * private way to publish atomically; callers still never rename.)
 *
 * <p>Thread safety: thread-safe; handles use positional {@link FileChannel} reads.
 */
public final class LocalFileSystem implements FileSystem {
  private final Path root;

  /** A file system resolving relative paths against {@code root}. */
  public LocalFileSystem(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** A file system resolving relative paths against the working directory. */
  public LocalFileSystem() {
    this(Path.of(""));
  }

  @Override
  public String scheme() {
    return "file";
  }

  /** The directory relative paths resolve against. */
  public Path root() {
    return root;
  }

  /** Maps a path of this file system to a local {@link Path}. */
  public Path resolve(String path) {
    if (path.startsWith("file:")) {
      return Path.of(URI.create(path)).normalize();
    }
    return root.resolve(path).normalize();
  }

  @Override
  public FileOutput create(String path) throws IOException {
    Path target = resolve(path);
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(path);
    }
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new LocalOutput(path, target, tmp, out);
  }

  @Override
  public ReadHandle open(String path) throws IOException {
    Path file = resolve(path);
    try {
      return new LocalReadHandle(path, FileChannel.open(file, StandardOpenOption.READ));
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(path);
    }
  }

  @Override
  public long size(String path) throws IOException {
    try {
      return Files.size(resolve(path));
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(path);
    }
  }

  @Override
  public boolean exists(String path) {
    return Files.isRegularFile(resolve(path));
  }

  @Override
  public List<String> list(String directory) throws IOException {
    Path dir = resolve(directory);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> children = Files.list(dir)) {
      children.forEach(
          p -> {
            String name = p.getFileName().toString();
            if (!name.startsWith(".") && Files.isRegularFile(p)) {
              names.add(name);
            }
          });
    }
    names.sort(null);
    return names;
  }

  @Override
  public boolean delete(String path) throws IOException {
    return Files.deleteIfExists(resolve(path));
  }

  @Override
  public String toString() {
    return "LocalFileSystem[" + root + "]";
  }

  private static final class LocalOutput extends FileOutput {
    private final String path;
    private final Path target;
    private final Path tmp;
    private final OutputStream out;
    private long position;
    private boolean done;

    LocalOutput(String path, Path target, Path tmp, OutputStream out) {
      this.path = path;
      this.target = target;
      this.tmp = tmp;
      this.out = out;
    }

    @Override
    public String path() {
      return path;
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (done) {
        throw new IOException("output already closed: " + path);
      }
      out.write(b, off, len);
      position += len;
    }

    @Override
    public void abort() {
      if (done) {
        return;
      }
      done = true;
      try {
        out.close();
      } catch (IOException ignored) {
        // the temporary is deleted below either way
      }
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // a leftover hidden temporary is never listed nor read
      }
    }

    @Override
    public void close() throws IOException {
      if (done) {
        return;
      }
      try {
        out.close();
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        done = true;
      } catch (IOException e) {
        abort();
        throw new IOException("could not publish " + path + ": " + e, e);
      }
    }
  }

  private record LocalReadHandle(String path, FileChannel channel) implements ReadHandle {
    @Override
    public long size() throws IOException {
      return channel.size();
    }

    @Override
    public void readFully(long position, byte[] dst, int offset, int length) throws IOException {
      ByteBuffer buf = ByteBuffer.wrap(dst, offset, length);
      long pos = position;
      while (buf.hasRemaining()) {
        int n = channel.read(buf, pos);
        if (n < 0) {
          throw ReadHandle.eof(path, position, length, channel.size());
        }
        pos += n;
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
