package io.eddy.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class FaultInjectingFileSystemTest {
  private final MemoryFileSystem mem = new MemoryFileSystem();

  private void put(FileSystem fs, String path, byte[] data) throws IOException {
    try (FileOutput out = fs.create(path)) {
      out.write(data);
    }
  }

  @Test
  void failedWriteNeverPublishes() throws IOException {
    FaultInjectingFileSystem fs = new FaultInjectingFileSystem(mem, 1).add(FaultRule.failTimes(FaultRule.Op.WRITE, "\\.sst$", 1));
    FileOutput out = fs.create("a.sst");
    assertThatThrownBy(() -> out.write(new byte[10])).isInstanceOf(InjectedFaultException.class).hasMessageContaining("a.sst");
    assertThatThrownBy(out::close).isInstanceOf(InjectedFaultException.class);
    assertThat(mem.exists("a.sst")).isFalse();
    put(fs, "a.sst", new byte[10]);
    assertThat(mem.size("a.sst")).isEqualTo(10);
    assertThat(fs.injectedCount()).isEqualTo(1);
  }

  @Test
  void failedPublishLeavesNoFile() throws IOException {
    FaultInjectingFileSystem fs = new FaultInjectingFileSystem(mem, 1).add(FaultRule.fail(FaultRule.Op.PUBLISH, "MANIFEST"));
    FileOutput out = fs.create("db/MANIFEST-000001");
    out.write(new byte[3]);
    assertThatThrownBy(out::close).isInstanceOf(InjectedFaultException.class);
    assertThat(mem.list("db")).isEmpty();
    put(fs, "db/000002.sst", new byte[3]);
    assertThat(mem.list("db")).containsExactly("000002.sst");
  }

  @Test
  void rulesSelectByOperationAndPath() throws IOException {
    put(mem, "a.sst", new byte[] {1, 2, 3});
    put(mem, "b.log", new byte[] {1, 2, 3});
    FaultInjectingFileSystem fs = new FaultInjectingFileSystem(mem, 1).add(FaultRule.fail(FaultRule.Op.READ, "\\.sst$"));
    assertThat(fs.read("b.log", 0, 3)).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> fs.read("a.sst", 0, 3)).isInstanceOf(InjectedFaultException.class);
    assertThat(fs.size("a.sst")).isEqualTo(3);
    fs.clear();
    assertThat(fs.read("a.sst", 0, 3)).containsExactly(1, 2, 3);
  }

  @Test
  void probabilityIsSeededAndReproducible() throws IOException {
    put(mem, "f", new byte[1]);
    assertThat(failurePattern(42)).isEqualTo(failurePattern(42));
    String pattern = failurePattern(42);
    assertThat(pattern).contains("x").contains(".");
  }

  private String failurePattern(long seed) throws IOException {
    FaultInjectingFileSystem fs = new FaultInjectingFileSystem(mem, seed).add(FaultRule.failRandomly(FaultRule.Op.EXISTS, "", 0.5));
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 64; i++) {
      try {
        fs.exists("f");
        sb.append('.');
      } catch (InjectedFaultException e) {
        sb.append('x');
      }
    }
    return sb.toString();
  }

  @Test
  void flipByteCorruptsExactlyOneBit() throws IOException {
    byte[] data = new byte[64];
    put(mem, "f", data);
    FaultInjectingFileSystem fs = new FaultInjectingFileSystem(mem, 7).add(FaultRule.flipByte("f", 1));
    byte[] first = fs.read("f", 0, 64);
    int bits = 0;
    for (byte b : first) {
      bits += Integer.bitCount(b & 0xff);
    }
    assertThat(bits).isEqualTo(1);
    assertThat(fs.read("f", 0, 64)).isEqualTo(data);
  }

  @Test
  void delayAddsLatency() throws IOException {
    put(mem, "f", new byte[1]);
    FaultInjectingFileSystem fs = new FaultInjectingFileSystem(mem, 1).add(FaultRule.delay(FaultRule.Op.READ, "", 30));
    long start = System.nanoTime();
    fs.read("f", 0, 1);
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(30_000_000L);
  }
}
