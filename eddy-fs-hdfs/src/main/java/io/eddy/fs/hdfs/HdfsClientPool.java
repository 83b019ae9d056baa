package io.eddy.fs.hdfs;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * Shares one Hadoop client per namenode authority among all {@link HdfsFileSystem}s of a
 * factory, counting references: a client (its RPC connections, lease renewer and threads) is
 * created on the first {@link #acquire} and closed when the last holder {@link #release}s it.
 *
 * <p>Why not Hadoop's own {@code FileSystem.get} cache: closing a cached instance closes it
 * for every other user in the JVM, while each Eddy {@code FileSystem} must be closable on its
 * own. Clients are made with {@code FileSystem.newInstance}, outside that cache.
 *
 * <p>The configuration is read on the first {@link #acquire}: a program that never uses an
 * hdfs:// path pays nothing for having this module on its class path.
 *
 * <p>Thread safety: thread-safe; the reference counts are guarded by this pool's lock.
 */
final class HdfsClientPool {
  private final Supplier<Configuration> confSource;
  private final Map<String, Shared> clients = new HashMap<>();
  private Configuration conf;

  private static final class Shared {
    final DistributedFileSystem client;
    int references;

    Shared(DistributedFileSystem client) {
      this.client = client;
    }
  }

  HdfsClientPool(Supplier<Configuration> confSource) {
    this.confSource = confSource;
  }

  /** The client for {@code authority} ("" means {@code fs.defaultFS}); pair with {@link #release}. */
  synchronized DistributedFileSystem acquire(String authority) throws IOException {
    Shared shared = clients.get(authority);
    if (shared == null) {
      if (conf == null) {
        conf = confSource.get();
      }
      shared = new Shared(open(authority));
      clients.put(authority, shared);
    }
    shared.references++;
    return shared.client;
  }

  /** Gives back one reference; the last one closes the client. */
  void release(String authority) throws IOException {
    DistributedFileSystem unused;
    synchronized (this) {
      Shared shared = clients.get(authority);
      if (shared == null || --shared.references > 0) {
        return;
      }
      clients.remove(authority);
      unused = shared.client;
    }
    unused.close();
  }

  private DistributedFileSystem open(String authority) throws IOException {
    URI uri = URI.create("hdfs://" + authority + "/");
    org.apache.hadoop.fs.FileSystem fs = org.apache.hadoop.fs.FileSystem.newInstance(uri, conf);
    if (fs instanceof DistributedFileSystem dfs) {
      return dfs;
    }
    fs.close();
    throw new IOException(
        uri + " is served by " + fs.getClass().getName() + ", not HDFS's DistributedFileSystem (check fs.hdfs.impl)");
  }
}
