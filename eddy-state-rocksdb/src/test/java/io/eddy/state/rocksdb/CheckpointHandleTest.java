package io.eddy.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.state.bytes.ColumnOptions;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The handle's binary form round-trips, and key-group bounds are the byte layout's. */
class CheckpointHandleTest {
  @Test
  void encodeDecodeRoundTrips() throws IOException {
    CheckpointHandle handle = new CheckpointHandle("store-1", 42,
        List.of(new ColumnSpec("values", ColumnOptions.PLAIN), new ColumnSpec("_timers/t", new ColumnOptions(true, 5000))),
        List.of(new CheckpointFile("000007.sst", "s3://b/shared/store-1/000007.sst", 1234, -5, true),
            new CheckpointFile("CURRENT", "s3://b/chk-42/rocksdb-store-1/CURRENT", 16, 99, false)));
    assertThat(CheckpointHandle.decode(handle.encode())).isEqualTo(handle);
    assertThat(handle.totalSize()).isEqualTo(1250);
  }

  @Test
  void prefixEndIsTheFirstKeyAfterThePrefix() {
    assertThat(KeyGroupKeys.prefixEnd(new byte[] {0, 5})).containsExactly(0, 6);
    assertThat(KeyGroupKeys.prefixEnd(new byte[] {0, 5, (byte) 0xFF, (byte) 0xFF})).containsExactly(0, 6);
    assertThat(KeyGroupKeys.prefixEnd(new byte[] {(byte) 0xFF})).isNull();
    assertThat(KeyGroupKeys.prefixEnd(new byte[0])).isNull();
  }

  @Test
  void keyGroupRangesAreKeyRanges() {
    io.eddy.state.KeyGroupRange range = io.eddy.state.KeyGroupRange.of(255, 256);
    assertThat(KeyGroupKeys.start(range)).containsExactly(0, 0xFF);
    assertThat(KeyGroupKeys.end(range)).containsExactly(1, 1);
  }
}
