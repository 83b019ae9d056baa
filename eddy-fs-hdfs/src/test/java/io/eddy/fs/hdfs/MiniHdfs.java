package io.eddy.fs.hdfs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real in-process HDFS for tests: one namenode and one datanode on 127.0.0.1 with random
 * ports, storage under {@code target/minidfs/}, and a 1 MiB block size so files of a few MiB
 * span several blocks. Start and stop are bounded in time (start generously: it takes about
 * 10 s on an idle machine, several times that on a busy one).
 *
 * <p>Start-up cost: the web servers of both nodes look for {@code webapps/<name>} on the
 * class path. The copies in src/test/resources (the same empty web.xml Hadoop ships) are
 * plain directories, which spares Jetty unpacking them from the 56 MB minicluster jar.
 */
final class MiniHdfs implements AutoCloseable {
  static final int BLOCK_SIZE = 1 << 20;
  private static final long START_SECONDS = 120;
  private static final long STOP_SECONDS = 30;

  private final MiniDFSCluster cluster;

  private MiniHdfs(MiniDFSCluster cluster) {
    this.cluster = cluster;
  }

  static MiniHdfs start(String name) throws Exception {
    Path base = Path.of("target", "minidfs", name + "-" + ProcessHandle.current().pid()).toAbsolutePath();
    MiniDFSCluster cluster = bounded(() -> {
      MiniDFSCluster started = new MiniDFSCluster.Builder(clientConf(), base.toFile()).numDataNodes(1).build();
      started.waitActive();
      return started;
    }, START_SECONDS, "start");
    return new MiniHdfs(cluster);
  }

  /**
   * The configuration a client of this cluster uses. Closing a file waits until the datanode
   * has reported the last block; the client polls for that, first after 400 ms by default,
   * which would dominate the test time. 20 ms keeps the same protocol.
   */
  static Configuration clientConf() {
    Configuration conf = new Configuration();
    conf.setLong("dfs.blocksize", BLOCK_SIZE);
    conf.setInt("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", 20);
    return conf;
  }

  /** {@code 127.0.0.1:port} of the namenode. */
  String authority() {
    return "127.0.0.1:" + cluster.getNameNodePort();
  }

  /** The names in {@code directory} as raw HDFS sees them, temporaries included. */
  List<String> rawNames(String directory) throws IOException {
    org.apache.hadoop.fs.FileSystem fs = cluster.getFileSystem();
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(directory);
    if (!fs.exists(dir)) {
      return List.of();
    }
    return Arrays.stream(fs.listStatus(dir)).map(s -> s.getPath().getName()).sorted().toList();
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
