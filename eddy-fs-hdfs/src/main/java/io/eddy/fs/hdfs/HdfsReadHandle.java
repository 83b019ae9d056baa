package io.eddy.fs.hdfs;

import io.eddy.fs.ReadHandle;
import java.io.IOException;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * Ranged reads of one published HDFS file through positional reads ({@code pread}) on a
 * single open stream: each call names its own position, so the stream's seek position is
 * never used and many threads can read at once. The size is taken when the file is opened;
 * published files never change.
 *
 * <p>Thread safety: {@link #readFully} is safe for concurrent use.
 */
final class HdfsReadHandle implements ReadHandle {
  private final HdfsPath file;
  private final FSDataInputStream in;
  private final long size;

  HdfsReadHandle(HdfsPath file, FSDataInputStream in, long size) {
    this.file = file;
    this.in = in;
    this.size = size;
  }

  @Override
  public String path() {
    return file.toString();
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public void readFully(long position, byte[] dst, int offset, int length) throws IOException {
    ReadHandle.checkRange(path(), position, length, size);
    try {
      in.readFully(position, dst, offset, length);
    } catch (IOException e) {
      throw HdfsErrors.translate(e, "read", file);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
