package io.eddy.fs.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.fs.FileOutput;
import io.eddy.fs.s3.FlakyBlobStore.Op;
import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * The SDK retry strategy configured by {@link S3Settings} rides out throttling and server
 * errors sent by a real server, for every operation, and gives up after the configured
 * attempts with an error naming the path. Backoff is shortened to keep the test fast.
 */
final class S3RetryTest extends S3ServerTest {
  private FlakyBlobStore faults;

  @BeforeEach
  void faults() {
    faults = server.faults();
  }

  @AfterEach
  void clearFaults() {
    faults.servedAndReset();
  }

  private S3FileSystem fs(RetryMode mode, int maxAttempts) {
    return new S3FileSystem(server.settings().retryMode(mode).maxAttempts(maxAttempts).partSize(S3Settings.MIN_PART_SIZE)
        .retryBaseDelay(Duration.ofMillis(1)).retryMaxDelay(Duration.ofMillis(5)).build(), bucket);
  }

  @ParameterizedTest
  @CsvSource({"503, SlowDown", "429, TooManyRequests", "500, InternalError", "502, BadGateway"})
  void everyOperationRidesOutTwoFailures(int status, String code) throws IOException {
    try (S3FileSystem fs = fs(RetryMode.STANDARD, 3)) {
      for (Op op : new Op[] {Op.HEAD, Op.PUT, Op.GET, Op.LIST}) {
        faults.failNext(op, 2, status, code);
      }
      try (FileOutput out = fs.create("d/f")) { // HEAD, then PUT
        out.write(new byte[] {1, 2, 3});
      }
      assertThat(fs.read("d/f", 1, 2)).containsExactly(2, 3); // HEAD, then GET
      assertThat(fs.list("d")).containsExactly("f");
      assertThat(faults.servedAndReset()).isEqualTo(8);
    }
  }

  @Test
  void multipartPartsAndCompletionAreRetriedWithTheirBodies() throws IOException {
    byte[] data = new byte[S3Settings.MIN_PART_SIZE + 1000];
    new Random(7).nextBytes(data);
    try (S3FileSystem fs = fs(RetryMode.STANDARD, 3)) {
      faults.failNext(Op.UPLOAD_PART, 2, 503, "SlowDown");
      FileOutput out = fs.create("mp");
      out.write(data);
      faults.failNext(Op.COMPLETE, 2, 500, "InternalError");
      out.close();
      assertThat(faults.servedAndReset()).isEqualTo(4);
      assertThat(fs.readAll("mp")).isEqualTo(data);
    }
  }

  @Test
  void adaptiveModeRetriesToo() throws IOException {
    try (S3FileSystem fs = fs(RetryMode.ADAPTIVE_V2, 4)) {
      faults.failNext(Op.HEAD, 3, 503, "SlowDown");
      assertThat(fs.exists("nothing")).isFalse();
      assertThat(faults.servedAndReset()).isEqualTo(3);
    }
  }

  @Test
  void givesUpAfterMaxAttemptsNamingThePath() {
    try (S3FileSystem fs = fs(RetryMode.STANDARD, 3)) {
      faults.failNext(Op.LIST, 10, 503, "SlowDown");
      assertThatThrownBy(() -> fs.list("dir"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("s3://" + bucket + "/dir")
          .hasMessageContaining("SlowDown");
      faults.failNext(Op.HEAD, 10, 503, "SlowDown");
      assertThatThrownBy(() -> fs.size("f"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("s3://" + bucket + "/f")
          .hasMessageContaining("503");
      assertThat(faults.servedAndReset()).isEqualTo(6);
    }
  }

  @Test
  void clientErrorsAreNotRetried() {
    try (S3FileSystem fs = fs(RetryMode.STANDARD, 5)) {
      faults.failNext(Op.HEAD, 10, 403, "AccessDenied");
      assertThatThrownBy(() -> fs.exists("f")).isInstanceOf(IOException.class).hasMessageContaining("403");
      assertThat(faults.servedAndReset()).isEqualTo(1);
    }
  }
}
