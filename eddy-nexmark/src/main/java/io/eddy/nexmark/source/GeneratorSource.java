package io.eddy.nexmark.source;

import io.eddy.api.connector.Boundedness;
import io.eddy.api.connector.SourceReader;
import io.eddy.api.connector.SourceReaderContext;
import io.eddy.api.connector.Source;
import io.eddy.nexmark.generator.NexmarkConfig;
import io.eddy.nexmark.generator.NexmarkGenerator;
import io.eddy.nexmark.model.Event;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The Nexmark event stream as a parallel bounded source: the events at indexes [0, count) of
 * {@link NexmarkGenerator} with seed {@code seed}, optionally paced to {@code rate} events per
 * second of wall time over all subtasks. Attach {@link NexmarkWatermarks#strategy()}.
 *
 * <p>Each subtask generates one contiguous slice of the indexes (as the Nexmark/Beam generator
 * splits), and slice boundaries are moved forward to the first index of a new millisecond of
 * event time. So all events with equal dateTime come from one subtask, in index order: the
 * queries whose ties are broken by arrival order (q18: the later of two bids with equal
 * dateTime wins) see them in generation order at any parallelism, as the oracle does. Ties
 * between different milliseconds of different slices (q19's equal prices) can still arrive out
 * of generation order at a slice boundary. The price of contiguous slices: subtask s starts
 * s * count / p events ahead in event time, and the job's watermark follows the slowest
 * subtask, so windowed state is held longer when p &gt; 1.
 * Each event is a pure function of (seed, index), so a restart can regenerate any slice:
 * readers checkpoint their remaining {@link IndexRange}s and resume from them, at any parallelism.
 */
public final class GeneratorSource implements Source<Event> {

    private static final long serialVersionUID = 1L;

    private final long seed;
    private final double eventsPerSecond;
    private final long count;
    private final double rate;
    private final String jobId;

    /**
     * @param seed  generator seed
     * @param count number of events over all subtasks
     * @param rate  events per second of wall time over all subtasks, 0 for unpaced
     * @param jobId {@link ReadProgress} counter to add to, or null
     */
    public GeneratorSource(long seed, long count, double rate, String jobId) {
        this(seed, NexmarkConfig.builder().build().eventsPerSecond(), count, rate, jobId);
    }

    /**
     * @param eventsPerSecond events per second of event time (the generator's spacing of
     *                        dateTime; Flink's nexmark 'first-event.rate')
     */
    public GeneratorSource(long seed, double eventsPerSecond, long count, double rate, String jobId) {
        if (count < 0) {
            throw new IllegalArgumentException("event count must be >= 0: " + count);
        }
        this.seed = seed;
        this.eventsPerSecond = eventsPerSecond;
        this.count = count;
        this.rate = Pacer.checkRate(rate);
        this.jobId = jobId;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<Event> createReader(SourceReaderContext context) {
        NexmarkGenerator generator = new NexmarkGenerator(NexmarkConfig.builder().seed(seed)
                .eventsPerSecond(eventsPerSecond).build());
        int p = context.parallelism();
        int s = context.subtaskIndex();
        List<IndexRange> ranges = new ArrayList<>();
        if (context.isRestored()) {
            for (Serializable entry : context.restoredState()) {
                ranges.add((IndexRange) entry);
            }
        } else {
            ranges.add(new IndexRange(sliceStart(generator, count, s, p), sliceStart(generator, count, s + 1, p)));
        }
        return new GeneratorReader(generator, ranges, new Pacer(rate / p), jobId, context);
    }

    /**
     * First index of subtask s's slice: the balanced split of [0, count) (the first count % p
     * subtasks one longer), moved forward to the start of a millisecond of event time.
     */
    static long sliceStart(NexmarkGenerator generator, long count, int s, int p) {
        if (s >= p) {
            return count;
        }
        long start = count / p * s + Math.min(s, count % p);
        while (start > 0 && start < count && generator.eventTimeAt(start) == generator.eventTimeAt(start - 1)) {
            start++;
        }
        return start;
    }
}
