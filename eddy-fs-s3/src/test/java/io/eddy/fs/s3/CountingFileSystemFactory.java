package io.eddy.fs.s3;

import io.eddy.fs.FileOutput;
import io.eddy.fs.FileSystem;
import io.eddy.fs.FileSystemFactory;
import io.eddy.fs.FileSystems;
import io.eddy.fs.ReadHandle;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scheme {@code counted-s3}: {@code counted-s3://bucket/key} is {@code s3://bucket/key}, with
 * every byte read counted process-wide in {@link #BYTES_READ}, so a test can tell what a job
 * reads from S3 between two moments (e.g. a failure and the first record after recovery).
 */
public final class CountingFileSystemFactory implements FileSystemFactory {
  static final String SCHEME = "counted-s3";
  static final AtomicLong BYTES_READ = new AtomicLong();

  @Override
  public String scheme() {
    return SCHEME;
  }

  @Override
  public FileSystem create(URI uri) throws IOException {
    return new Counting(FileSystems.forPath("s3://" + uri.getRawAuthority() + "/"));
  }

  private static String toS3(String path) {
    return path.startsWith(SCHEME + "://") ? "s3" + path.substring(SCHEME.length()) : path;
  }

  /** Passes every call to S3, counting the bytes read. */
  private record Counting(FileSystem s3) implements FileSystem {
    @Override
    public String scheme() {
      return SCHEME;
    }

    @Override
    public FileOutput create(String path) throws IOException {
      FileOutput out = s3.create(toS3(path));
      return new FileOutput() {
        @Override
        public String path() {
          return path;
        }

        @Override
        public long position() {
          return out.position();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void abort() {
          out.abort();
        }

        @Override
        public void close() throws IOException {
          out.close();
        }
      };
    }

    @Override
    public ReadHandle open(String path) throws IOException {
      ReadHandle handle = s3.open(toS3(path));
      return new ReadHandle() {
        @Override
        public String path() {
          return path;
        }

        @Override
        public long size() throws IOException {
          return handle.size();
        }

        @Override
        public void readFully(long position, byte[] dst, int offset, int length) throws IOException {
          handle.readFully(position, dst, offset, length);
          BYTES_READ.addAndGet(length);
        }

        @Override
        public void close() throws IOException {
          handle.close();
        }
      };
    }

    @Override
    public long size(String path) throws IOException {
      return s3.size(toS3(path));
    }

    @Override
    public boolean exists(String path) throws IOException {
      return s3.exists(toS3(path));
    }

    @Override
    public List<String> list(String directory) throws IOException {
      return s3.list(toS3(directory));
    }

    @Override
    public boolean delete(String path) throws IOException {
      return s3.delete(toS3(path));
    }

    @Override
    public void close() throws IOException {
      s3.close();
    }
  }
}
