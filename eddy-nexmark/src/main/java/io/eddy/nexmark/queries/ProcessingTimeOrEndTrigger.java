package io.eddy.nexmark.queries;

import io.eddy.api.time.Watermark;
import io.eddy.api.windowing.TimeWindow;
import io.eddy.api.windowing.Trigger;
import io.eddy.api.windowing.TriggerResult;

/**
 * q12's trigger: fires a processing-time window when the clock passes its end, as the default
 * trigger does, and also when a bounded input ends. The runtime drops processing-time windows
 * still open at the end of input (only event time is ended there, by the final watermark), so
 * without this the last 10 s of bids would never be counted. The end is seen as an event-time
 * timer at {@link Watermark#MAX}, which only the final watermark reaches.
 */
final class ProcessingTimeOrEndTrigger extends Trigger<Object, TimeWindow> {

    @Override
    public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
        ctx.registerProcessingTimeTimer(window.maxTimestamp());
        ctx.registerEventTimeTimer(Watermark.MAX.timestamp());
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
        return TriggerResult.FIRE;
    }

    @Override
    public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
        return TriggerResult.FIRE_AND_PURGE;
    }

    @Override
    public void clear(TimeWindow window, TriggerContext ctx) {
        ctx.deleteProcessingTimeTimer(window.maxTimestamp());
        ctx.deleteEventTimeTimer(Watermark.MAX.timestamp());
    }
}
