package io.eddy.nexmark.source;

import io.eddy.api.connector.Boundedness;
import io.eddy.api.connector.Source;
import io.eddy.api.connector.SourceReader;
import io.eddy.api.connector.SourceReaderContext;
import io.eddy.nexmark.model.Event;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Nexmark JSON-lines file (docs/nexmark.md) as a bounded source, read in line order by one subtask
 * ({@link #maxParallelism()} 1: arrival order is the file's order, which the golden results
 * depend on). Lines are parsed with {@link io.eddy.nexmark.json.EventJsonParser}; a bad line
 * fails the job with its {@code file:line: reason} message, or, with {@code skipBadRecords},
 * is reported through {@link SourceReaderContext#reportSkippedRecord} with that message and
 * counted by the runtime. Blank lines are skipped, as {@link io.eddy.nexmark.json.EventJsonReader}
 * does. Optionally paced to {@code rate} events per second of wall time. Checkpoints the
 * number of lines read ({@link LinePosition}); a restored reader skips them.
 */
public final class JsonLinesSource implements Source<Event> {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final boolean skipBadRecords;
    private final double rate;
    private final String jobId;

    /**
     * @param file           the input; its text is the file name in error messages
     * @param skipBadRecords report and skip bad lines instead of failing
     * @param rate           events per second of wall time, 0 for unpaced
     * @param jobId          {@link ReadProgress} counter to add to, or null
     */
    public JsonLinesSource(Path file, boolean skipBadRecords, double rate, String jobId) {
        this.file = file.toString();
        this.skipBadRecords = skipBadRecords;
        this.rate = Pacer.checkRate(rate);
        this.jobId = jobId;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public int maxParallelism() {
        return 1;
    }

    @Override
    public SourceReader<Event> createReader(SourceReaderContext context) throws Exception {
        long linesRead = 0;
        BufferedReader in = null;
        if (!context.isRestored() || !context.restoredState().isEmpty()) {
            linesRead = context.isRestored() ? ((LinePosition) context.restoredState().get(0)).linesRead() : 0;
            in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
            for (long i = 0; i < linesRead; i++) {
                in.readLine();
            }
        }
        return new JsonLinesReader(file, in, linesRead, skipBadRecords, new Pacer(rate), jobId, context);
    }
}
