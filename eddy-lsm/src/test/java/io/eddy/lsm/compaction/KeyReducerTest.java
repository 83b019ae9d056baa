package io.eddy.lsm.compaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.lsm.plugin.Int64AddOperator;
import io.eddy.lsm.plugin.ListAppendOperator;
import io.eddy.lsm.plugin.MergeOperator;
import io.eddy.lsm.util.InternalKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a run of merge operands without a base is combined when it is rewritten (not bottommost). */
class KeyReducerTest {
  private static final byte[] KEY = {1};

  /** Operands with sequence numbers 1..n, newest first as a reducer receives them. */
  private static List<KeyReducer.Entry> operands(List<byte[]> oldestFirst) {
    List<KeyReducer.Entry> versions = new ArrayList<>();
    for (int i = oldestFirst.size() - 1; i >= 0; i--) {
      versions.add(new KeyReducer.Entry(InternalKey.trailer(i + 1, InternalKey.TYPE_MERGE), oldestFirst.get(i)));
    }
    return versions;
  }

  private static List<KeyReducer.Entry> reduce(MergeOperator merge, List<byte[]> oldestFirst) {
    List<KeyReducer.Entry> out = new ArrayList<>();
    new KeyReducer(new long[0], false, merge, null).reduce(KEY, operands(oldestFirst), out);
    return out;
  }

  @Test
  void aRunOfAppendsBecomesOneOperandWithTheNewestSequence() {
    List<byte[]> appends = new ArrayList<>();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      appends.add(("e" + i + ";").getBytes(StandardCharsets.UTF_8));
      expected.append("e").append(i).append(';');
    }

    List<KeyReducer.Entry> out = reduce(new ListAppendOperator(), appends);

    assertThat(out).singleElement().satisfies(e -> {
      assertThat(InternalKey.sequence(e.trailer())).isEqualTo(10_000);
      assertThat(InternalKey.type(e.trailer())).isEqualTo(InternalKey.TYPE_MERGE);
      assertThat(new String(e.value(), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    });
  }

  @Test
  void operatorsWithPairwisePartialMergeFoldTheRun() {
    List<KeyReducer.Entry> out = reduce(new Int64AddOperator(),
        List.of(Int64AddOperator.encode(1), Int64AddOperator.encode(2), Int64AddOperator.encode(3)));

    assertThat(out).singleElement().satisfies(e -> assertThat(Int64AddOperator.decode(e.value())).isEqualTo(6));
  }

  @Test
  void operandsStaySeparateWhenTheOperatorCannotCombineThem() {
    MergeOperator baseNeeded = new MergeOperator() {
      @Override
      public String name() {
        return "test.base-needed";
      }

      @Override
      public byte[] fullMerge(byte[] key, byte[] base, List<byte[]> operands) {
        return base;
      }
    };

    assertThat(reduce(baseNeeded, List.of(new byte[] {1}, new byte[] {2}, new byte[] {3}))).hasSize(3);
  }
}
