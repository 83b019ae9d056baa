package io.eddy.fs.hdfs;

import io.eddy.fs.FileOutput;
import java.io.IOException;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * Writes a new HDFS file to a hidden temporary sibling and publishes it on {@link #close}:
 * {@code hsync} (the datanodes have the bytes on disk), close (the namenode completes the
 * file), then one atomic rename onto the target that fails rather than overwrite
 * ({@link Options.Rename#NONE}). So readers see the whole file or none, and of two writers
 * racing for one path exactly one wins; the loser gets a
 * {@link java.nio.file.FileAlreadyExistsException} and its temporary is deleted.
 *
 * <p>The temporary is opened with {@code SYNC_BLOCK}, so every finished block is synced as
 * well, not only the last one.
 *
 * <p>Thread safety: confined to one thread at a time, like any output stream.
 */
final class HdfsFileOutput extends FileOutput {
  private final String path;
  private final DistributedFileSystem client;
  private final HdfsPath target;
  private final HdfsPath temporary;
  private final FSDataOutputStream out;
  private long position;
  private boolean writeFailed;
  private boolean done;

  private HdfsFileOutput(
      String path, DistributedFileSystem client, HdfsPath target, HdfsPath temporary, FSDataOutputStream out) {
    this.path = path;
    this.client = client;
    this.target = target;
    this.temporary = temporary;
    this.out = out;
  }

  /** Creates the temporary for {@code target} and returns its writer. */
  static HdfsFileOutput start(String path, DistributedFileSystem client, HdfsPath target) throws IOException {
    HdfsPath temporary = target.inProgressSibling();
    try {
      FSDataOutputStream out =
          client.createFile(temporary.hadoopPath()).create().overwrite(false).recursive().syncBlock().build();
      return new HdfsFileOutput(path, client, target, temporary, out);
    } catch (IOException e) {
      throw HdfsErrors.translate(e, "create", target);
    }
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
      throw new IOException("output already closed: " + target);
    }
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      writeFailed = true;
      throw HdfsErrors.translate(e, "write", target);
    }
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
      client.delete(temporary.hadoopPath(), false);
    } catch (IOException ignored) {
      // a leftover temporary is hidden from list() and never read
    }
  }

  @Override
  public void close() throws IOException {
    if (done) {
      return;
    }
    if (writeFailed) {
      abort();
      throw new IOException("not publishing " + target + ": an earlier write failed");
    }
    try {
      out.hsync();
      out.close();
      client.rename(temporary.hadoopPath(), target.hadoopPath(), Options.Rename.NONE);
      done = true;
    } catch (IOException e) {
      abort();
      if (e instanceof FileAlreadyExistsException) {
        throw HdfsErrors.translate(e, "publish", target);
      }
      throw new IOException("could not publish " + target + ": " + e.getMessage(), e);
    }
  }
}
