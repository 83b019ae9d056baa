package io.eddy.fs.hdfs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real in-process HDFS for tests: one namenode and one datanode on 127.0.0.1 with random
 * ports, storage under {@code target/}, and a 1 MiB block size so files of a few MiB span
 * several blocks. Start and stop are bounded in time.
 */
final class MiniHdfs implements AutoCloseable {
  static final int BLOCK_SIZE = 1 << 20;
  private static final long START_SECONDS = 60;
  private static final long STOP_SECONDS = 30;

  private final MiniDFSCluster cluster;

  private MiniHdfs(MiniDFSCluster cluster) {
    this.cluster = cluster;
  }

  static MiniHdfs start(String name) throws Exception {
    Path base = Path.of("target", "minidfs", name + "-" + ProcessHandle.current().pid()).toAbsolutePath();
    Configuration conf = clientConf();
    conf.setBoolean("dfs.permissions.enabled", false);
    MiniDFSCluster cluster = bounded(
        () -> new MiniDFSCluster.Builder(conf, base.toFile()).numDataNodes(1).build(), START_SECONDS, "start");
    cluster.waitActive();
    return new MiniHdfs(cluster);
  }

  /** The configuration a client of this cluster uses. */
  static Configuration clientConf() {
    Configuration conf = new Configuration();
    conf.setLong("dfs.blocksize", BLOCK_SIZE);
    return conf;
  }

  /** {@code 127.0.0.1:port} of the namenode. */
  String authority() {
    return "127.0.0.1:" + cluster.getNameNodePort();
  }

  /** The names in {@code directory} as raw HDFS sees them, temporaries included. */
  java.util.List<String> rawNames(String directory) throws IOException {
    org.apache.hadoop.fs.FileSystem fs = cluster.getFileSystem();
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(directory);
    if (!fs.exists(dir)) {
      return java.util.List.of();
    }
    return java.util.Arrays.stream(fs.listStatus(dir)).map(s -> s.getPath().getName()).sorted().toList();
  }

  @Override
  public void close() throws Exception {
    bounded(() -> {
      cluster.shutdown(true);
      return null;
    }, STOP_SECONDS, "shut down");
  }

  private interface Step<T> {
    T run() throws Exception;
  }

  private static <T> T bounded(Step<T> step, long seconds, String what) throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "minidfs-" + what.replace(' ', '-'));
      t.setDaemon(true);
      return t;
    });
    try {
      return executor.submit(step::run).get(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("MiniDFSCluster did not " + what + " within " + seconds + " s", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      executor.shutdownNow();
    }
  }
}
