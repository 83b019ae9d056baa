package io.eddy.fs.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.fs.FileSystems;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Credentials appear in no toString() and in no error, however deep in its causes. */
final class S3SecretsTest extends S3ServerTest {
  private static final String WRONG_SECRET = "wrong-secret-0123456789abcdef";

  private static String everything(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  @Test
  void toStringShowsNoCredentials() {
    S3Settings settings = server.settings().build();
    try (S3FileSystem fs = new S3FileSystem(settings, "b")) {
      for (String shown : new String[] {settings.toString(), fs.toString()}) {
        assertThat(shown).doesNotContain(S3ProxyServer.SECRET_KEY).doesNotContain(S3ProxyServer.ACCESS_KEY);
      }
      assertThat(settings.toString()).contains("StaticCredentialsProvider");
    }
  }

  @Test
  void aRejectedSignatureFailsWithoutShowingTheSecret() {
    S3Settings settings = server.settings()
        .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, WRONG_SECRET)))
        .build();
    try (S3FileSystem fs = new S3FileSystem(settings, bucket)) {
      for (ThrowingCall call : new ThrowingCall[] {() -> fs.exists("f"), () -> fs.list("d"), () -> fs.create("f").close()}) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(IOException.class).hasMessageContaining("s3://" + bucket + "/");
        assertThat(everything(thrown)).doesNotContain(WRONG_SECRET).doesNotContain(S3ProxyServer.SECRET_KEY);
      }
    }
  }

  @Test
  void credentialsInAUriAreRefusedWithoutEcho() {
    assertThatThrownBy(() -> FileSystems.forPath("s3://AKIDEXAMPLE:" + WRONG_SECRET + "@bucket/key"))
        .isInstanceOf(IOException.class)
        .satisfies(t -> assertThat(everything(t)).doesNotContain(WRONG_SECRET));
  }

  /** A file system call that may fail. */
  private interface ThrowingCall {
    void run() throws IOException;
  }
}
