package io.eddy.fs.hdfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class HdfsPathTest {
  @Test
  void urisKeepTheirAuthorityAndPlainPathsTakeTheDefault() throws IOException {
    assertThat(HdfsPath.parse("hdfs://nn:8020/a/b", "other:1")).isEqualTo(new HdfsPath("nn:8020", "/a/b"));
    assertThat(HdfsPath.parse("HDFS://nn:8020/a", "other:1")).isEqualTo(new HdfsPath("nn:8020", "/a"));
    assertThat(HdfsPath.parse("/a/b", "nn:1")).isEqualTo(new HdfsPath("nn:1", "/a/b"));
    assertThat(HdfsPath.parse("a/b", "nn:1")).isEqualTo(new HdfsPath("nn:1", "/a/b"));
    assertThat(HdfsPath.parse("hdfs:///a", "nn:1")).isEqualTo(new HdfsPath("", "/a"));
    assertThat(HdfsPath.parse("hdfs://nn:1", "x")).isEqualTo(new HdfsPath("nn:1", "/"));
  }

  @Test
  void pathsAreNormalised() throws IOException {
    assertThat(HdfsPath.parse("hdfs://nn/a//b/", "").path()).isEqualTo("/a/b");
    assertThat(HdfsPath.parse("/a/./b/../c", "nn").path()).isEqualTo("/a/c");
    assertThat(HdfsPath.parse("/", "nn").path()).isEqualTo("/");
  }

  @Test
  void toStringIsTheFullUri() throws IOException {
    assertThat(HdfsPath.parse("/a/b", "nn:8020")).hasToString("hdfs://nn:8020/a/b");
    assertThat(HdfsPath.parse("hdfs:///a", "x")).hasToString("hdfs:///a");
    assertThat(HdfsPath.parse("/a/b", "nn").name()).isEqualTo("b");
    assertThat(HdfsPath.parse("/a/b", "nn").hadoopPath().toString()).isEqualTo("/a/b");
  }

  @Test
  void otherSchemesAreRejected() {
    assertThatThrownBy(() -> HdfsPath.parse("s3://bucket/k", "nn"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("s3://bucket/k");
  }

  @Test
  void temporariesAreHiddenUniqueSiblings() throws IOException {
    HdfsPath target = HdfsPath.parse("hdfs://nn/d/file.sst", "");
    HdfsPath tmp = target.inProgressSibling();
    assertThat(tmp.authority()).isEqualTo("nn");
    assertThat(tmp.path()).startsWith("/d/.file.sst.").endsWith(".inprogress");
    assertThat(HdfsPath.isInProgress(tmp.name())).isTrue();
    assertThat(target.inProgressSibling()).isNotEqualTo(tmp);
    assertThat(HdfsPath.parse("/top", "nn").inProgressSibling().path()).startsWith("/.top.");
    assertThat(HdfsPath.isInProgress("file.sst")).isFalse();
    assertThat(HdfsPath.isInProgress(".hidden")).isFalse();
    assertThat(HdfsPath.isInProgress("x.inprogress")).isFalse();
  }
}
