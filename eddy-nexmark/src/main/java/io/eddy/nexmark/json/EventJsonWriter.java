package io.eddy.nexmark.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.model.Person;
import io.eddy.nexmark.model.Timestamps;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;

/**
 * Writes events as JSON lines in the docs/nexmark.md shape (the Nexmark {@code datagen} table: all
 * three objects present, two of them null), e.g. to make test inputs and {@code --input} files.
 * Timestamps go through {@link Timestamps#format}, not DateTimeFormatter.
 *
 * <p>Not thread-safe. {@link EventJsonParser} reads back exactly what this writes.
 */
public final class EventJsonWriter implements Closeable {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final Writer out;
    private final JsonGenerator json;

    public EventJsonWriter(Writer out) throws IOException {
        this.out = out;
        this.json = FACTORY.createGenerator(out);
        this.json.setRootValueSeparator(null);
        // flush() below only moves the line into `out`; `out` decides when to hit the disk
        this.json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    }

    /** Writes {@code events} to {@code path}, via a temporary file so the file appears whole. */
    public static void writeAll(Path path, Iterator<? extends Event> events) throws IOException {
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try (EventJsonWriter writer = new EventJsonWriter(
                new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16))) {
            while (events.hasNext()) {
                writer.write(events.next());
            }
        }
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Appends one event and a newline. */
    public void write(Event event) throws IOException {
        json.writeStartObject();
        json.writeNumberField("event_type", event.eventType());
        switch (event) {
            case Person p -> {
                json.writeObjectFieldStart("person");
                json.writeNumberField("id", p.id());
                json.writeStringField("name", p.name());
                json.writeStringField("emailAddress", p.emailAddress());
                json.writeStringField("creditCard", p.creditCard());
                json.writeStringField("city", p.city());
                json.writeStringField("state", p.state());
                json.writeStringField("dateTime", Timestamps.format(p.dateTime()));
                json.writeStringField("extra", p.extra());
                json.writeEndObject();
                json.writeNullField("auction");
                json.writeNullField("bid");
            }
            case Auction a -> {
                json.writeNullField("person");
                json.writeObjectFieldStart("auction");
                json.writeNumberField("id", a.id());
                json.writeStringField("itemName", a.itemName());
                json.writeStringField("description", a.description());
                json.writeNumberField("initialBid", a.initialBid());
                json.writeNumberField("reserve", a.reserve());
                json.writeStringField("dateTime", Timestamps.format(a.dateTime()));
                json.writeStringField("expires", Timestamps.format(a.expires()));
                json.writeNumberField("seller", a.seller());
                json.writeNumberField("category", a.category());
                json.writeStringField("extra", a.extra());
                json.writeEndObject();
                json.writeNullField("bid");
            }
            case Bid b -> {
                json.writeNullField("person");
                json.writeNullField("auction");
                json.writeObjectFieldStart("bid");
                json.writeNumberField("auction", b.auction());
                json.writeNumberField("bidder", b.bidder());
                json.writeNumberField("price", b.price());
                json.writeStringField("channel", b.channel());
                json.writeStringField("url", b.url());
                json.writeStringField("dateTime", Timestamps.format(b.dateTime()));
                json.writeStringField("extra", b.extra());
                json.writeEndObject();
            }
        }
        json.writeEndObject();
        json.flush();
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        json.close();
        out.close();
    }
}
