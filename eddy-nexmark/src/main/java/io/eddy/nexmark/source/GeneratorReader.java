package io.eddy.nexmark.source;

import io.eddy.api.connector.InputStatus;
import io.eddy.api.connector.ReaderOutput;
import io.eddy.api.connector.SourceReader;
import io.eddy.api.connector.SourceReaderContext;
import io.eddy.nexmark.generator.NexmarkGenerator;
import io.eddy.nexmark.model.Event;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Generates one subtask's index ranges of a {@link GeneratorSource} (its slice when fresh;
 * after a restore, the ranges it was dealt), a few hundred events per poll, each with its
 * dateTime as timestamp, and checkpoints what remains of them. Not thread-safe: runs on its
 * task thread.
 */
final class GeneratorReader implements SourceReader<Event> {

    private static final int MAX_PER_POLL = 256;

    private final NexmarkGenerator generator;
    /** Ranges still to generate; the head is the current one, advanced in place. */
    private final ArrayDeque<IndexRange> ranges;
    private final Pacer pacer;
    private final ReadProgress.Batch progress;
    private final SourceReaderContext context;

    GeneratorReader(NexmarkGenerator generator, List<IndexRange> ranges, Pacer pacer, String jobId,
                    SourceReaderContext context) {
        this.generator = generator;
        this.ranges = new ArrayDeque<>(ranges);
        this.pacer = pacer;
        this.progress = new ReadProgress.Batch(jobId);
        this.context = context;
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Event> output) {
        while (!ranges.isEmpty() && ranges.peek().isEmpty()) {
            ranges.poll();
        }
        if (ranges.isEmpty()) {
            progress.flush();
            return InputStatus.END_OF_INPUT;
        }
        IndexRange range = ranges.poll();
        int n = pacer.acquire((int) Math.min(MAX_PER_POLL, range.end() - range.next()), context.currentProcessingTime());
        for (int i = 0; i < n; i++) {
            Event event = generator.event(range.next() + i);
            output.collect(event, event.dateTime());
        }
        ranges.addFirst(new IndexRange(range.next() + n, range.end()));
        progress.count(n);
        return n == 0 ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public List<IndexRange> snapshotState(long checkpointId) {
        return List.copyOf(ranges);
    }

    @Override
    public void close() {
        progress.flush();
    }
}
