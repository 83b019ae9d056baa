package io.eddy.nexmark.source;

import io.eddy.nexmark.generator.NexmarkConfig;
import io.eddy.nexmark.generator.NexmarkGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Slices of the generator source: they tile [0, count) and never split a millisecond. */
class GeneratorSourceTest {

    private final NexmarkGenerator generator = new NexmarkGenerator(NexmarkConfig.builder().seed(3).build());

    @ParameterizedTest(name = "p={0}")
    @ValueSource(ints = {1, 2, 3, 4, 7})
    void slicesTileTheIndexesOnMillisecondBoundaries(int p) {
        long count = 12_345;
        assertThat(GeneratorSource.sliceStart(generator, count, 0, p)).isZero();
        assertThat(GeneratorSource.sliceStart(generator, count, p, p)).isEqualTo(count);
        for (int s = 1; s < p; s++) {
            long start = GeneratorSource.sliceStart(generator, count, s, p);
            assertThat(start).isBetween(GeneratorSource.sliceStart(generator, count, s - 1, p), count);
            if (start < count) {
                assertThat(generator.eventTimeAt(start)).isGreaterThan(generator.eventTimeAt(start - 1));
            }
        }
    }
}
