package io.eddy.runtime.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatermarkValveTest {
  private final List<String> events = new ArrayList<>();
  private final WatermarkValve valve = new WatermarkValve(3, new WatermarkValve.Listener() {
    @Override public void onWatermark(long watermark) { events.add("wm " + watermark); }
    @Override public void onIdle(boolean idle) { events.add(idle ? "idle" : "active"); }
  });

  @Test
  void minimumOverActiveChannelsOnlyMovesForward() throws Exception {
    valve.onWatermark(0, 10);
    valve.onWatermark(1, 5);
    assertThat(events).isEmpty(); // channel 2 has no watermark yet
    valve.onWatermark(2, 7);
    assertThat(events).containsExactly("wm 5");
    valve.onWatermark(1, 20);
    assertThat(events).containsExactly("wm 5", "wm 7");
    valve.onWatermark(2, 3); // going back: ignored
    assertThat(events).containsExactly("wm 5", "wm 7");
  }

  @Test
  void idleChannelsDoNotHoldBackAndAllIdleMeansIdle() throws Exception {
    valve.onWatermark(0, 10);
    valve.onWatermark(1, 20);
    valve.onIdle(2, true);
    assertThat(events).containsExactly("wm 10");
    valve.onIdle(0, true);
    assertThat(events).containsExactly("wm 10", "wm 20");
    valve.onIdle(1, true);
    assertThat(events).containsExactly("wm 10", "wm 20", "idle");
    valve.onWatermark(2, 15); // becomes active again below what was emitted: holds nothing back
    assertThat(events).containsExactly("wm 10", "wm 20", "idle", "active");
    valve.onIdle(2, true);
    valve.onWatermark(2, 30);
    assertThat(events).containsExactly("wm 10", "wm 20", "idle", "active", "idle", "active", "wm 30");
  }

  @Test
  void whenAllChannelsGoIdleTheHighestWatermarkIsEmitted() throws Exception {
    valve.onWatermark(0, 10);
    valve.onWatermark(1, 40);
    valve.onIdle(0, true);
    valve.onIdle(1, true);
    assertThat(events).isEmpty(); // channel 2 still active without a watermark
    valve.onIdle(2, true);
    assertThat(events).containsExactly("wm 40", "idle");
  }
}
