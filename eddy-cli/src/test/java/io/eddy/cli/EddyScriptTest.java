package io.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./eddy} launcher runs Maven so that it prints no terminal colour codes: batch mode,
 * {@code -Dstyle.color=never}, and {@code -Djansi.noreset=true} (Maven 3.8's console library
 * writes colour resets at exit even with {@code -B -q}). Checked on {@code ./eddy test} with a
 * stand-in {@code mvn} that records how it was called.
 */
class EddyScriptTest {

  @Test
  void eddyTestRunsMavenWithoutColour(@TempDir Path dir) throws Exception {
    Path root = Path.of(System.getProperty("user.dir")).getParent();
    Path fakeBin = Files.createDirectories(dir.resolve("bin"));
    Path calls = dir.resolve("calls.txt");
    Path mvn = fakeBin.resolve("mvn");
    Files.writeString(mvn, "#!/usr/bin/env bash\nprintf 'args=%s\\nopts=%s\\n' \"$*\" \"$MAVEN_OPTS\" > '" + calls + "'\n");
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));

    ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("eddy").toString(), "test", "-q").redirectErrorStream(true);
    pb.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
    pb.environment().remove("MAVEN_OPTS");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();

    List<String> lines = Files.readAllLines(calls);
    assertThat(lines.get(0)).startsWith("args=").contains("-B", "-Dstyle.color=never", "test", "-q");
    assertThat(lines.get(1)).startsWith("opts=").contains("-Djansi.noreset=true");
  }
}
