package io.eddy.nexmark.source;

import io.eddy.api.connector.InputStatus;
import io.eddy.api.connector.ReaderOutput;
import io.eddy.api.connector.SourceReader;
import io.eddy.api.connector.SourceReaderContext;
import io.eddy.nexmark.json.BadRecordException;
import io.eddy.nexmark.json.EventJsonParser;
import io.eddy.nexmark.model.Event;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

/**
 * Reads the lines of a {@link JsonLinesSource}, a few hundred per poll, keeping the line
 * number so that every bad record is named {@code file:line} and checkpointed as the position.
 * A reader without a share of the file (a subtask restored without the position) has no
 * input ({@code in} null) and checkpoints nothing. Not thread-safe: runs on its task thread.
 */
final class JsonLinesReader implements SourceReader<Event> {

    private static final int MAX_LINES_PER_POLL = 256;

    private final String file;
    private final BufferedReader in;
    private final boolean skipBadRecords;
    private final Pacer pacer;
    private final ReadProgress.Batch progress;
    private final SourceReaderContext context;
    private long lineNumber;

    /** {@code in} positioned after {@code linesRead} lines already read, or null for no share. */
    JsonLinesReader(String file, BufferedReader in, long linesRead, boolean skipBadRecords, Pacer pacer, String jobId,
                    SourceReaderContext context) {
        this.lineNumber = linesRead;
        this.file = file;
        this.in = in;
        this.skipBadRecords = skipBadRecords;
        this.pacer = pacer;
        this.progress = new ReadProgress.Batch(jobId);
        this.context = context;
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Event> output) throws IOException {
        if (in == null) {
            return InputStatus.END_OF_INPUT;
        }
        int allowed = pacer.acquire(MAX_LINES_PER_POLL, context.currentProcessingTime());
        if (allowed == 0) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        for (int i = 0; i < allowed; i++) {
            String line = in.readLine();
            if (line == null) {
                progress.flush();
                return InputStatus.END_OF_INPUT;
            }
            lineNumber++;
            if (!line.isBlank()) {
                emit(line, output);
            }
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private void emit(String line, ReaderOutput<Event> output) {
        Event event;
        try {
            event = EventJsonParser.parse(file, lineNumber, line);
        } catch (BadRecordException e) {
            if (!skipBadRecords) {
                throw e;
            }
            context.reportSkippedRecord(e.getMessage());
            return;
        }
        progress.count(1);
        output.collect(event, event.dateTime());
    }

    @Override
    public List<LinePosition> snapshotState(long checkpointId) {
        return in == null ? List.of() : List.of(new LinePosition(lineNumber));
    }

    @Override
    public void close() throws IOException {
        progress.flush();
        if (in != null) {
            in.close();
        }
    }
}
