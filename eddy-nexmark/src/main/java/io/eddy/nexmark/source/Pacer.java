package io.eddy.nexmark.source;

/**
 * Paces one source subtask to its share of an events-per-second rate of wall time: the
 * events it may have emitted by now are {@code rate * elapsed}; a reader asks how many more it
 * may emit. A reader that fell behind (e.g. under backpressure) catches up, so the average
 * rate over the run is the one asked for, as the Nexmark generator does. A rate of 0 means
 * unpaced. Not thread-safe: one per reader, on its task thread.
 */
final class Pacer {

    private final double eventsPerMilli;
    private long startMillis = -1;
    private long emitted;

    Pacer(double eventsPerSecond) {
        this.eventsPerMilli = checkRate(eventsPerSecond) / 1000.0;
    }

    /** Returns the rate if it is a valid one (finite, &gt;= 0; 0 = unpaced). */
    static double checkRate(double eventsPerSecond) {
        if (!(eventsPerSecond >= 0) || Double.isInfinite(eventsPerSecond)) {
            throw new IllegalArgumentException("rate must be a finite number >= 0 events/s: " + eventsPerSecond);
        }
        return eventsPerSecond;
    }

    /** How many of {@code wanted} events may be emitted at {@code nowMillis}; counts them as emitted. */
    int acquire(int wanted, long nowMillis) {
        if (eventsPerMilli == 0) {
            return wanted;
        }
        if (startMillis < 0) {
            startMillis = nowMillis;
        }
        long allowed = (long) ((nowMillis - startMillis) * eventsPerMilli) + 1 - emitted;
        int granted = (int) Math.max(0, Math.min(wanted, allowed));
        emitted += granted;
        return granted;
    }
}
