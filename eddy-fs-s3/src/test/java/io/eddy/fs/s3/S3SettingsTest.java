package io.eddy.fs.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.fs.FileSystem;
import io.eddy.fs.FileSystems;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.RetryMode;

/** Keys, defaults, validation and the factory's registration; no server needed. */
final class S3SettingsTest {

  @AfterEach
  void clearProperties() {
    for (String key : new String[] {S3Settings.PART_SIZE, S3Settings.RETRY_MODE, S3Settings.ENDPOINT}) {
      System.clearProperty(key);
    }
  }

  @Test
  void defaults() {
    S3Settings s = S3Settings.fromEnvironment(Map.of());
    assertThat(s.endpoint()).isNull();
    assertThat(s.region()).isNull();
    assertThat(s.pathStyleAccess()).isFalse();
    assertThat(s.partSize()).isEqualTo(8 << 20);
    assertThat(s.listPageSize()).isEqualTo(1000);
    assertThat(s.retryMode()).isEqualTo(RetryMode.STANDARD);
    assertThat(s.maxAttempts()).isEqualTo(10);
    assertThat(s.retryBaseDelay()).isEqualTo(Duration.ofMillis(100));
    assertThat(s.retryMaxDelay()).isEqualTo(Duration.ofSeconds(20));
    assertThat(s.credentials()).isNull();
    assertThat(S3Clients.retryStrategy(s).maxAttempts()).isEqualTo(10);
  }

  @Test
  void environmentVariablesAndSystemPropertiesWhichWin() {
    Map<String, String> env = Map.of(
        "EDDY_S3_ENDPOINT", "http://127.0.0.1:9000",
        "EDDY_S3_REGION", "eu-west-1",
        "EDDY_S3_PATH_STYLE_ACCESS", "true",
        "EDDY_S3_PART_SIZE", "6291456",
        "EDDY_S3_LIST_PAGE_SIZE", "50",
        "EDDY_S3_RETRY_MAX_ATTEMPTS", "4",
        "EDDY_S3_RETRY_BASE_DELAY_MS", "10",
        "EDDY_S3_RETRY_MAX_DELAY_MS", "200");
    System.setProperty(S3Settings.PART_SIZE, String.valueOf(16 << 20));
    System.setProperty(S3Settings.RETRY_MODE, "adaptive");
    S3Settings s = S3Settings.fromEnvironment(env);
    assertThat(s.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
    assertThat(s.region()).isEqualTo("eu-west-1");
    assertThat(s.pathStyleAccess()).isTrue();
    assertThat(s.partSize()).isEqualTo(16 << 20);
    assertThat(s.listPageSize()).isEqualTo(50);
    assertThat(s.retryMode()).isEqualTo(RetryMode.ADAPTIVE_V2);
    assertThat(s.maxAttempts()).isEqualTo(4);
    assertThat(s.retryBaseDelay()).isEqualTo(Duration.ofMillis(10));
    assertThat(s.retryMaxDelay()).isEqualTo(Duration.ofMillis(200));
    assertThat(S3Settings.envName(S3Settings.RETRY_MAX_ATTEMPTS)).isEqualTo("EDDY_S3_RETRY_MAX_ATTEMPTS");
  }

  @Test
  void rejectsValuesS3WouldRefuse() {
    assertThatThrownBy(() -> S3Settings.builder().partSize((5 << 20) - 1).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> S3Settings.builder().listPageSize(1001).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> S3Settings.builder().maxAttempts(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> S3Settings.builder().retryMode(RetryMode.LEGACY).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> S3Settings.fromEnvironment(Map.of("EDDY_S3_RETRY_MODE", "eager")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(S3Settings.RETRY_MODE);
  }

  @Test
  void theFactoryServesS3UrisWithTheirBucket() throws IOException {
    System.setProperty(S3Settings.ENDPOINT, "http://127.0.0.1:9"); // never contacted; keeps region lookups local
    assertThat(FileSystems.supports("s3")).isTrue();
    try (FileSystem fs = FileSystems.forPath("s3://some-bucket/checkpoints/job")) {
      assertThat(fs).isInstanceOf(S3FileSystem.class);
      assertThat(fs.scheme()).isEqualTo("s3");
      assertThat(fs.toString()).contains("bucket=some-bucket");
    }
  }

  @Test
  void pathsMapToBucketAndKey() throws IOException {
    assertThat(S3Location.parse("s3://b/a/b/", null)).isEqualTo(new S3Location("b", "a/b"));
    assertThat(S3Location.parse("S3://b", null)).isEqualTo(new S3Location("b", ""));
    assertThat(S3Location.parse("/a//b", "d")).isEqualTo(new S3Location("d", "a//b"));
    assertThat(S3Location.parse("a", "d").prefix()).isEqualTo("a/");
    assertThat(S3Location.parse("", "d").prefix()).isEmpty();
    assertThatThrownBy(() -> S3Location.parse("a/b", null)).isInstanceOf(IOException.class).hasMessageContaining("a/b");
    assertThatThrownBy(() -> S3Location.parseFile("s3://b/", null)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> S3Location.parse("file:///tmp/x", "d")).isInstanceOf(IOException.class);
  }
}
