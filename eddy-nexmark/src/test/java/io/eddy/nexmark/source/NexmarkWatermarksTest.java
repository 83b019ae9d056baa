package io.eddy.nexmark.source;

import io.eddy.api.time.Watermark;
import io.eddy.api.time.WatermarkOutput;
import io.eddy.nexmark.model.Bid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lazy generator emits the pending watermark (max - 4 s) before a record only when that
 * record is at most 1 ms after it (late, or touching a session that the watermark fires);
 * in-order records leave it to the periodic emission.
 */
class NexmarkWatermarksTest {

    private final List<Long> emitted = new ArrayList<>();
    private final WatermarkOutput output = new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            emitted.add(watermark.timestamp());
        }

        @Override
        public void markIdle() {
        }

        @Override
        public void markActive() {
        }
    };
    private final NexmarkWatermarks generator = new NexmarkWatermarks();

    /** What the source does for a record: beforeEvent, emit the record, onEvent. */
    private void event(long time) {
        Bid bid = new Bid(1, 2, 3, "c", "u", time, "");
        generator.beforeEvent(bid, time, output);
        generator.onEvent(bid, time, output);
    }

    @Test
    void inOrderRecordsEmitNothingUntilPeriodic() {
        event(10_000);
        event(10_001);
        event(20_000);
        assertThat(emitted).isEmpty();
        generator.onPeriodicEmit(output);
        assertThat(emitted).containsExactly(16_000L);
    }

    @Test
    void emitsBeforeALateRecord() {
        event(10_000);
        event(6_000); // == pending watermark 6000: late for a window ending at 6001
        assertThat(emitted).containsExactly(6_000L);
    }

    @Test
    void emitsBeforeARecordOneMillisecondAfterTheWatermark() {
        event(10_000);
        event(6_001); // a session ending at 6001 (fired at 6000) must not absorb it
        assertThat(emitted).containsExactly(6_000L);
    }

    @Test
    void doesNotEmitForARecordTwoMillisecondsAfterTheWatermark() {
        event(10_000);
        event(6_002);
        assertThat(emitted).isEmpty();
    }

    @Test
    void nothingBeforeTheFirstEvent() {
        generator.onPeriodicEmit(output);
        event(0);
        assertThat(emitted).isEmpty();
    }
}
