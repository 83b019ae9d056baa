package io.eddy.fs.hdfs;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/**
 * Builds the Hadoop {@link Configuration} the HDFS clients use: Hadoop's defaults (and any
 * {@code core-site.xml} on the class path), overlaid with {@code core-site.xml} and
 * {@code hdfs-site.xml} from the directory named by the {@code HADOOP_CONF_DIR} environment
 * variable when it is set. That is where a cluster's HA name services, Kerberos settings and
 * client tuning ({@code dfs.client.*}) come from. Stateless.
 */
final class HadoopConf {
  /** The environment variable naming the directory of Hadoop's client configuration. */
  static final String CONF_DIR_VARIABLE = "HADOOP_CONF_DIR";

  private static final String[] SITE_FILES = {"core-site.xml", "hdfs-site.xml"};

  private HadoopConf() {}

  /** The configuration from {@code $HADOOP_CONF_DIR}, or Hadoop's defaults if it is unset. */
  static Configuration fromEnvironment() {
    return fromDirectory(System.getenv(CONF_DIR_VARIABLE));
  }

  /** Hadoop's defaults overlaid with the site files found in {@code directory} (may be null). */
  static Configuration fromDirectory(String directory) {
    Configuration conf = new Configuration();
    if (directory == null || directory.isBlank()) {
      return conf;
    }
    for (String name : SITE_FILES) {
      Path file = Path.of(directory, name);
      if (Files.isRegularFile(file)) {
        conf.addResource(new org.apache.hadoop.fs.Path(file.toUri()));
      }
    }
    return conf;
  }
}
