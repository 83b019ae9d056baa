package io.eddy.nexmark.json;

import io.eddy.nexmark.model.Event;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON-lines event file (docs/nexmark.md) one event at a time, counting lines so that a bad
 * line fails with {@code file:line: reason} ({@link BadRecordException}). Lines that are empty
 * or only whitespace are skipped (editors add them at the end of files); every other line must
 * be one event.
 *
 * <p>Not thread-safe: one reader per source split.
 */
public final class EventJsonReader implements Closeable {

    private final String file;
    private final BufferedReader in;
    private long lineNumber;

    /** @param file the name used in error messages */
    public EventJsonReader(String file, BufferedReader in) {
        this.file = file;
        this.in = in;
    }

    public static EventJsonReader open(Path path) throws IOException {
        return new EventJsonReader(path.toString(), Files.newBufferedReader(path, StandardCharsets.UTF_8));
    }

    /** Reads a whole file into memory (for tests and the oracle). */
    public static List<Event> readAll(Path path) throws IOException {
        List<Event> events = new ArrayList<>();
        try (EventJsonReader reader = open(path)) {
            for (Event e = reader.next(); e != null; e = reader.next()) {
                events.add(e);
            }
        }
        return events;
    }

    /**
     * The next event, or null at the end of the input.
     *
     * @throws BadRecordException   if the next non-blank line is not a valid event
     * @throws UncheckedIOException if reading fails
     */
    public Event next() {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (!line.isBlank()) {
                    return EventJsonParser.parse(file, lineNumber, line);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ":" + (lineNumber + 1) + ": read failed", e);
        }
    }

    /** Number of lines read so far; after a BadRecordException, the bad line's number. */
    public long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
