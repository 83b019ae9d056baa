package io.eddy.api.windowing;

import java.util.Collection;
import java.util.List;

/**
 * Puts every element of a key into the single {@link GlobalWindow}. Its default trigger never
 * fires ({@link #create()}), so a custom trigger (e.g. {@link CountTrigger}) must decide when to
 * evaluate; {@link #createWithEndOfStreamTrigger()} fires once, at the end of a bounded input.
 * The window is never cleaned up by time: purging triggers and evictors bound its contents.
 */
public final class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {
  private final Trigger<Object, GlobalWindow> defaultTrigger;

  private GlobalWindows(Trigger<Object, GlobalWindow> defaultTrigger) {
    this.defaultTrigger = defaultTrigger;
  }

  public static GlobalWindows create() {
    return new GlobalWindows(new NeverTrigger());
  }

  /** Global windows that fire when the input ends (the final watermark). */
  public static GlobalWindows createWithEndOfStreamTrigger() {
    return new GlobalWindows(new EndOfStreamTrigger());
  }

  @Override
  public Collection<GlobalWindow> assignWindows(Object element, long timestamp, Context context) {
    return List.of(GlobalWindow.get());
  }

  @Override
  public Trigger<Object, GlobalWindow> getDefaultTrigger() {
    return defaultTrigger;
  }

  @Override
  public boolean isEventTime() {
    return false;
  }

  @Override
  public String toString() {
    return "GlobalWindows(trigger=" + defaultTrigger.getClass().getSimpleName() + ")";
  }

  /** The default trigger of {@link #create()}: the window never fires on its own. */
  public static final class NeverTrigger extends Trigger<Object, GlobalWindow> {
    @Override
    public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
      return true;
    }

    @Override
    public void onMerge(GlobalWindow window, OnMergeContext ctx) {}

    @Override
    public void clear(GlobalWindow window, TriggerContext ctx) {}
  }

  /** Fires when event time reaches its end, which only the end of a bounded input does. */
  public static final class EndOfStreamTrigger extends Trigger<Object, GlobalWindow> {
    @Override
    public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
      ctx.registerEventTimeTimer(window.maxTimestamp());
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
      return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
      return true;
    }

    @Override
    public void onMerge(GlobalWindow window, OnMergeContext ctx) {}

    @Override
    public void clear(GlobalWindow window, TriggerContext ctx) {}
  }
}
