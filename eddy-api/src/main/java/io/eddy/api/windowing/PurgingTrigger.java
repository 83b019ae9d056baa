package io.eddy.api.windowing;

/** Wraps a trigger so that every FIRE becomes FIRE_AND_PURGE: a window's contents are dropped once evaluated. */
public final class PurgingTrigger<T, W extends Window> extends Trigger<T, W> {
  private final Trigger<T, W> nestedTrigger;

  private PurgingTrigger(Trigger<T, W> nestedTrigger) {
    if (nestedTrigger == null) {
      throw new IllegalArgumentException("PurgingTrigger needs a trigger to wrap");
    }
    this.nestedTrigger = nestedTrigger;
  }

  public static <T, W extends Window> PurgingTrigger<T, W> of(Trigger<T, W> nestedTrigger) {
    return new PurgingTrigger<>(nestedTrigger);
  }

  public Trigger<T, W> getNestedTrigger() {
    return nestedTrigger;
  }

  private static TriggerResult purgeOnFire(TriggerResult result) {
    return result.isFire() ? TriggerResult.FIRE_AND_PURGE : result;
  }

  @Override
  public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
    return purgeOnFire(nestedTrigger.onElement(element, timestamp, window, ctx));
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
    return purgeOnFire(nestedTrigger.onEventTime(time, window, ctx));
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
    return purgeOnFire(nestedTrigger.onProcessingTime(time, window, ctx));
  }

  @Override
  public boolean canMerge() {
    return nestedTrigger.canMerge();
  }

  @Override
  public void onMerge(W window, OnMergeContext ctx) throws Exception {
    nestedTrigger.onMerge(window, ctx);
  }

  @Override
  public void clear(W window, TriggerContext ctx) throws Exception {
    nestedTrigger.clear(window, ctx);
  }

  @Override
  public String toString() {
    return "PurgingTrigger(" + nestedTrigger + ")";
  }
}
