package io.eddy.state.disagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.state.KeyGroupRange;
import io.eddy.state.bytes.ColumnOptions;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The handle format and the routing of key groups to parts. */
class StoreHandleTest {
  @Test
  void aHandleRoundTrips() throws IOException {
    StoreHandle handle = new StoreHandle(List.of(
        new StoreHandle.Part(KeyGroupRange.of(0, 63), "s3://b/db/op-1/part-0/CHECKPOINT-000012",
            List.of(new ColumnTable.Column("count", 1, ColumnOptions.PLAIN, true), new ColumnTable.Column("list", 2, new ColumnOptions(true, 0), false))),
        new StoreHandle.Part(KeyGroupRange.of(64, 127), "s3://b/db/op-2/part-0/CHECKPOINT-000007",
            List.of(new ColumnTable.Column("ttl", 65535, new ColumnOptions(false, 60_000), true)))));

    assertThat(StoreHandle.decode(handle.encode())).isEqualTo(handle);
  }

  @Test
  void foreignOrDamagedHandlesAreRejected() {
    byte[] good = new StoreHandle(List.of()).encode();
    assertThatThrownBy(() -> StoreHandle.decode(new byte[] {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0}))
        .isInstanceOf(IOException.class).hasMessageContaining("not a handle");
    assertThatThrownBy(() -> StoreHandle.decode(Arrays.copyOf(good, good.length + 1)))
        .isInstanceOf(IOException.class).hasMessageContaining("trailing");
  }

  @Test
  void gapsAreTheKeyGroupsNoPartCovers() {
    KeyGroupRange all = KeyGroupRange.of(0, 127);
    assertThat(PartRouter.gaps(List.of(), all)).containsExactly(all);
    assertThat(PartRouter.gaps(List.of(KeyGroupRange.of(64, 95), KeyGroupRange.of(10, 20)), all))
        .containsExactly(KeyGroupRange.of(0, 9), KeyGroupRange.of(21, 63), KeyGroupRange.of(96, 127));
    assertThat(PartRouter.gaps(List.of(KeyGroupRange.of(0, 63), KeyGroupRange.of(64, 127)), all)).isEmpty();
    assertThatThrownBy(() -> PartRouter.gaps(List.of(KeyGroupRange.of(0, 64), KeyGroupRange.of(64, 127)), all))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
