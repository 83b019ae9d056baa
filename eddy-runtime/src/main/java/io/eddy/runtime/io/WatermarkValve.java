package io.eddy.runtime.io;

/**
 * Combines the watermarks and idleness of the channels of one logical input: the input's
 * watermark is the minimum over its active channels, it only moves forward, and the input is
 * idle when all its channels are. When the last active channel goes idle, the highest watermark
 * any channel reached is emitted first (as Flink does), so that quiet inputs do not strand
 * event time below what every channel has already promised.
 */
public final class WatermarkValve {
  /** Receives the combined changes. */
  public interface Listener {
    void onWatermark(long watermark) throws Exception;

    void onIdle(boolean idle) throws Exception;
  }

  private final long[] watermarks;
  private final boolean[] idle;
  private final Listener listener;
  private long lastEmitted = Long.MIN_VALUE;
  private boolean outputIdle;

  public WatermarkValve(int channels, Listener listener) {
    this.watermarks = new long[channels];
    this.idle = new boolean[channels];
    this.listener = listener;
    java.util.Arrays.fill(watermarks, Long.MIN_VALUE);
  }

  public void onWatermark(int channel, long watermark) throws Exception {
    if (watermark > watermarks[channel]) {
      watermarks[channel] = watermark;
    }
    if (idle[channel]) {
      idle[channel] = false;
      updateIdle();
    }
    emitMinimum();
  }

  public void onIdle(int channel, boolean isIdle) throws Exception {
    idle[channel] = isIdle;
    if (allIdle()) {
      emitMaximum();
    } else {
      emitMinimum();
    }
    updateIdle();
  }

  private boolean allIdle() {
    for (boolean b : idle) {
      if (!b) {
        return false;
      }
    }
    return true;
  }

  private void emitMaximum() throws Exception {
    long max = Long.MIN_VALUE;
    for (long w : watermarks) {
      max = Math.max(max, w);
    }
    if (max > lastEmitted) {
      lastEmitted = max;
      listener.onWatermark(max);
    }
  }

  private void updateIdle() throws Exception {
    boolean all = allIdle();
    if (all != outputIdle) {
      outputIdle = all;
      listener.onIdle(all);
    }
  }

  private void emitMinimum() throws Exception {
    long min = Long.MAX_VALUE;
    boolean any = false;
    for (int c = 0; c < watermarks.length; c++) {
      if (!idle[c]) {
        min = Math.min(min, watermarks[c]);
        any = true;
      }
    }
    if (any && min > lastEmitted) {
      lastEmitted = min;
      listener.onWatermark(min);
    }
  }
}
