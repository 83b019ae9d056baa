package io.eddy.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes this process has read so far by read system calls, files and page cache included
 * ({@code rchar} of {@code /proc/self/io}): a backend-neutral measure of what a restore reads
 * where the backend itself keeps no count. Linux only; elsewhere -1.
 */
final class ProcessIo {
  private static final Path STATS = Path.of("/proc/self/io");

  private ProcessIo() {}

  static long bytesRead() {
    try {
      for (String line : Files.readAllLines(STATS)) {
        if (line.startsWith("rchar:")) {
          return Long.parseLong(line.substring("rchar:".length()).trim());
        }
      }
      return -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
