package io.eddy.fs.hdfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopConfTest {
  @TempDir Path dir;

  private void site(String file, String key, String value) throws IOException {
    Files.writeString(dir.resolve(file), """
        <?xml version="1.0"?>
        <configuration>
          <property><name>%s</name><value>%s</value></property>
        </configuration>
        """.formatted(key, value));
  }

  @Test
  void siteFilesOfTheDirectoryOverlayTheDefaults() throws IOException {
    site("core-site.xml", "fs.defaultFS", "hdfs://cluster-a:9000");
    site("hdfs-site.xml", "dfs.client.socket-timeout", "12345");
    Configuration conf = HadoopConf.fromDirectory(dir.toString());
    assertThat(conf.get("fs.defaultFS")).isEqualTo("hdfs://cluster-a:9000");
    assertThat(conf.get("dfs.client.socket-timeout")).isEqualTo("12345");
  }

  @Test
  void missingFilesOrNoDirectoryMeanHadoopDefaults() {
    assertThat(HadoopConf.fromDirectory(dir.toString()).get("fs.defaultFS")).isEqualTo("file:///");
    assertThat(HadoopConf.fromDirectory(null).get("fs.defaultFS")).isEqualTo("file:///");
    assertThat(HadoopConf.fromDirectory(" ").get("fs.defaultFS")).isEqualTo("file:///");
  }
}
