package io.eddy.lsm.sst;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BloomFilterTest {
  @Test
  void noFalseNegativesAndAboutOnePercentFalsePositives() {
    int n = 10_000;
    long[] hashes = new long[n];
    for (int i = 0; i < n; i++) {
      hashes[i] = BloomFilter.hash(("in" + i).getBytes());
    }
    byte[] filter = BloomFilter.build(hashes, n, 10);
    for (int i = 0; i < n; i++) {
      assertThat(BloomFilter.mayContain(filter, hashes[i])).isTrue();
    }
    int fp = 0;
    for (int i = 0; i < n; i++) {
      if (BloomFilter.mayContain(filter, BloomFilter.hash(("out" + i).getBytes()))) {
        fp++;
      }
    }
    assertThat(fp).isLessThan(n / 50);
  }
}
