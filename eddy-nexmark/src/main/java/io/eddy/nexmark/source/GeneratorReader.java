package io.eddy.nexmark.source;

import io.eddy.api.connector.InputStatus;
import io.eddy.api.connector.ReaderOutput;
import io.eddy.api.connector.SourceReader;
import io.eddy.api.connector.SourceReaderContext;
import io.eddy.nexmark.generator.NexmarkGenerator;
import io.eddy.nexmark.model.Event;

/**
 * Generates one subtask's slice [next, end) of a {@link GeneratorSource}, a few hundred events
 * per poll, each with its dateTime as timestamp. Not thread-safe: runs on its task thread.
 */
final class GeneratorReader implements SourceReader<Event> {

    private static final int MAX_PER_POLL = 256;

    private final NexmarkGenerator generator;
    private final long end;
    private final Pacer pacer;
    private final ReadProgress.Batch progress;
    private final SourceReaderContext context;
    private long next;

    GeneratorReader(NexmarkGenerator generator, long from, long to, Pacer pacer, String jobId,
                    SourceReaderContext context) {
        this.generator = generator;
        this.next = from;
        this.end = to;
        this.pacer = pacer;
        this.progress = new ReadProgress.Batch(jobId);
        this.context = context;
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Event> output) {
        if (next >= end) {
            progress.flush();
            return InputStatus.END_OF_INPUT;
        }
        int n = pacer.acquire((int) Math.min(MAX_PER_POLL, end - next), context.currentProcessingTime());
        for (int i = 0; i < n; i++) {
            Event event = generator.event(next++);
            output.collect(event, event.dateTime());
        }
        progress.count(n);
        return n == 0 ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public void close() {
        progress.flush();
    }
}
