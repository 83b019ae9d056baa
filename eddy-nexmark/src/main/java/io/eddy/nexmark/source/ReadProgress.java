package io.eddy.nexmark.source;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many events the sources of a running job have read so far, for progress reports while
 * the job runs. A process-wide registry keyed by job id, because source readers are created
 * by the runtime from a serialized source and can only find the job's counter by name.
 *
 * <p>Readers add in batches ({@link #BATCH} events or at their end), so the counter lags by
 * less than one batch per subtask. Thread-safe.
 */
public final class ReadProgress {

    /** Readers publish their count at least every this many events. */
    static final int BATCH = 1024;

    private static final Map<String, AtomicLong> COUNTERS = new ConcurrentHashMap<>();

    private ReadProgress() {
    }

    /** Starts counting for a job; the returned counter is what {@link #add} increments. */
    public static AtomicLong register(String jobId) {
        AtomicLong counter = new AtomicLong();
        COUNTERS.put(jobId, counter);
        return counter;
    }

    /** Adds events read by one reader; a job id nobody registered is ignored (sources used alone). */
    public static void add(String jobId, long events) {
        AtomicLong counter = jobId == null ? null : COUNTERS.get(jobId);
        if (counter != null) {
            counter.addAndGet(events);
        }
    }

    /** Stops counting for a job. */
    public static void release(String jobId) {
        COUNTERS.remove(jobId);
    }

    /** One reader's events not yet published; publishes every {@link #BATCH}. Not thread-safe. */
    static final class Batch {
        private final String jobId;
        private long unreported;

        Batch(String jobId) {
            this.jobId = jobId;
        }

        void count(long events) {
            unreported += events;
            if (unreported >= BATCH) {
                flush();
            }
        }

        /** Publishes what is left; call at the end of input and on close. */
        void flush() {
            add(jobId, unreported);
            unreported = 0;
        }
    }
}
