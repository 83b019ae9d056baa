package io.eddy.lsm.compaction.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CompactionWorkerMainTest {
  private static String run(int expectedCode, String... args) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code = CompactionWorkerMain.run(args, new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(code).as(out).isEqualTo(expectedCode);
    return out;
  }

  @Test
  void badArgumentsExitWithUsage() {
    assertThat(run(2, "--listen")).contains("missing value", "usage");
    assertThat(run(2, "--port", "1")).contains("unknown flag --port");
    assertThat(run(2, "--token", "t", "--listen", "nohostport")).contains("host:port");
    if (System.getenv("EDDY_COMPACTION_TOKEN") == null) {
      assertThat(run(2, "--listen", "127.0.0.1:0")).contains("token is required");
    }
  }

  @Test
  void unbindableAddressFails() {
    assertThat(run(1, "--listen", "192.0.2.1:0", "--token", "t")).contains("compaction-worker:");
  }
}
