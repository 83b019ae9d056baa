package io.eddy.fs.hdfs;

import io.eddy.fs.FileSystemFactory;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;

/**
 * Serves {@code hdfs://} URIs with {@link HdfsFileSystem}s; registered for
 * {@link java.util.ServiceLoader} so {@code FileSystems.forPath("hdfs://nn:8020/x")} finds it.
 *
 * <p>Configuration: the Hadoop client reads its settings from {@code core-site.xml} and
 * {@code hdfs-site.xml} in the directory named by the {@code HADOOP_CONF_DIR} environment
 * variable, if set, over Hadoop's defaults. A URI without authority ({@code hdfs:///x})
 * means the configured {@code fs.defaultFS}.
 *
 * <p>All file systems made by one factory share one Hadoop client per namenode authority
 * (see {@link HdfsClientPool}). The Hadoop configuration is read and clients are made only
 * when an hdfs:// path is first used, so the registry stays cheap for programs without HDFS.
 *
 * <p>Thread safety: thread-safe.
 */
public final class HdfsFileSystemFactory implements FileSystemFactory {
  private final HdfsClientPool pool;

  /** The factory {@link java.util.ServiceLoader} makes: configuration from {@code HADOOP_CONF_DIR}. */
  public HdfsFileSystemFactory() {
    this.pool = new HdfsClientPool(HadoopConf::fromEnvironment);
  }

  /** A factory whose clients use {@code conf} (for embedding and tests). */
  public HdfsFileSystemFactory(Configuration conf) {
    this.pool = new HdfsClientPool(() -> conf);
  }

  @Override
  public String scheme() {
    return "hdfs";
  }

  @Override
  public HdfsFileSystem create(URI uri) {
    String authority = uri.getRawAuthority();
    return new HdfsFileSystem(pool, authority == null ? "" : authority);
  }
}
