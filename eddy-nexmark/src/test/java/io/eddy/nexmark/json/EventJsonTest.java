package io.eddy.nexmark.json;

import io.eddy.nexmark.generator.NexmarkConfig;
import io.eddy.nexmark.generator.NexmarkGenerator;
import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.model.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JSON-lines reading and writing per docs/nexmark.md, and the file:line reasons of bad lines. */
class EventJsonTest {

    private static final String BID_OBJECT = "{\"auction\":1011,\"bidder\":1007,\"price\":212735,"
            + "\"channel\":\"channel-1857\",\"url\":\"https://x/y\",\"dateTime\":\"2015-07-15 00:00:00.003\","
            + "\"extra\":\"e\"}";

    @Test
    void generatedEventsSurviveAWriteReadRoundTrip(@TempDir Path dir) throws IOException {
        NexmarkGenerator generator = new NexmarkGenerator(NexmarkConfig.builder().seed(3).build());
        List<Event> events = new ArrayList<>();
        for (Iterator<Event> it = generator.events(0, 3000); it.hasNext(); ) {
            events.add(it.next());
        }
        Path file = dir.resolve("events.jsonl");
        EventJsonWriter.writeAll(file, events.iterator());
        assertThat(EventJsonReader.readAll(file)).isEqualTo(events);
        assertThat(Files.readAllLines(file)).hasSize(3000);
        assertThat(dir.resolve("events.jsonl.tmp")).doesNotExist();
    }

    @Test
    void arbitraryStringsAndNullsSurviveARoundTrip() throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        String alphabet = "aZ09 ,\"\\/\n\r\t\u0000\u001féü€😀{}[]:";
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String[] s = new String[7];
            for (int k = 0; k < s.length; k++) {
                if (random.nextInt(5) == 0) {
                    continue; // null
                }
                StringBuilder sb = new StringBuilder();
                for (int n = random.nextInt(12); n > 0; n--) {
                    sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                            random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
                }
                s[k] = sb.toString();
            }
            long t = random.nextLong(-30_000_000_000_000L, 200_000_000_000_000L);
            events.add(switch (i % 3) {
                case 0 -> new Person(random.nextLong(), s[0], s[1], s[2], s[3], s[4], t, s[5]);
                case 1 -> new Auction(random.nextLong(), s[0], s[1], random.nextLong(), random.nextLong(), t,
                        t + random.nextInt(1000), random.nextLong(), random.nextLong(), s[2]);
                default -> new Bid(random.nextLong(), random.nextLong(), random.nextLong(), s[0], s[1], t, s[2]);
            });
        }
        StringWriter out = new StringWriter();
        try (EventJsonWriter writer = new EventJsonWriter(out)) {
            for (Event e : events) {
                writer.write(e);
            }
        }
        EventJsonReader reader = new EventJsonReader("mem", new BufferedReader(new StringReader(out.toString())));
        for (Event e : events) {
            assertThat(reader.next()).isEqualTo(e);
        }
        assertThat(reader.next()).isNull();
    }

    @Test
    void writesTheFormatMdShapeAndEscapesStrings() throws IOException {
        StringWriter out = new StringWriter();
        try (EventJsonWriter writer = new EventJsonWriter(out)) {
            writer.write(new Person(1000, "Peter \"P\" Jones", "a@b.com", "1234 5678 9012 3456", "Kent", null,
                    1_436_918_400_000L, "x"));
        }
        assertThat(out.toString()).isEqualTo("{\"event_type\":0,\"person\":{\"id\":1000,\"name\":\"Peter \\\"P\\\" Jones\","
                + "\"emailAddress\":\"a@b.com\",\"creditCard\":\"1234 5678 9012 3456\",\"city\":\"Kent\",\"state\":null,"
                + "\"dateTime\":\"2015-07-15 00:00:00.000\",\"extra\":\"x\"},\"auction\":null,\"bid\":null}\n");
    }

    @Test
    void acceptsAnyKeyOrderAbsentNullObjectsUnknownKeysAndBlankLines() {
        String line = "{\"bid\":" + BID_OBJECT + ",\"extra_key\":[1,{\"a\":2}],\"event_type\":2}";
        Event e = EventJsonParser.parse("f", 1, line);
        assertThat(e).isEqualTo(new Bid(1011, 1007, 212735, "channel-1857", "https://x/y", 1_436_918_400_003L, "e"));
        EventJsonReader reader = new EventJsonReader("f", new BufferedReader(new StringReader("\n" + line + "\n  \n")));
        assertThat(reader.next()).isEqualTo(e);
        assertThat(reader.lineNumber()).isEqualTo(2);
        assertThat(reader.next()).isNull();
    }

    @Test
    void badLinesNameFileLineAndReason() {
        String good = "{\"event_type\":2,\"person\":null,\"auction\":null,\"bid\":" + BID_OBJECT + "}";
        String input = good + "\n" + good + "\n{\"event_type\":2,\"bid\":{\"auction\":1}}\n";
        EventJsonReader reader = new EventJsonReader("in.jsonl", new BufferedReader(new StringReader(input)));
        reader.next();
        reader.next();
        assertThatThrownBy(reader::next).isInstanceOf(BadRecordException.class)
                .hasMessage("in.jsonl:3: missing required field bid.bidder")
                .satisfies(t -> assertThat(((BadRecordException) t).line()).isEqualTo(3));

        assertBad("{\"event_type\":2,", "invalid JSON");
        assertBad("[1,2]", "not a JSON object");
        assertBad("{\"event_type\":7,\"bid\":" + BID_OBJECT + "}", "unknown event_type 7");
        assertBad("{\"event_type\":\"2\",\"bid\":" + BID_OBJECT + "}", "event_type is not an integer");
        assertBad("{\"bid\":" + BID_OBJECT + "}", "missing event_type");
        assertBad("{\"event_type\":0,\"bid\":" + BID_OBJECT + "}", "event_type 0 but bid is non-null instead of person");
        assertBad("{\"event_type\":2,\"bid\":null}", "event_type 2 but bid is null or missing");
        assertBad("{\"event_type\":2,\"auction\":{},\"bid\":" + BID_OBJECT + "}", "missing required field auction.id");
        assertBad("{\"event_type\":2,\"person\":7,\"bid\":" + BID_OBJECT + "}", "person is neither an object nor null");
        assertBad("{\"event_type\":2,\"bid\":" + BID_OBJECT.replace("212735", "\"212735\"") + "}",
                "bid.price is not an integer");
        assertBad("{\"event_type\":2,\"bid\":" + BID_OBJECT.replace("212735", "2.5") + "}",
                "bid.price is not an integer");
        assertBad("{\"event_type\":2,\"bid\":" + BID_OBJECT.replace("212735", "99999999999999999999") + "}",
                "out of the BIGINT range");
        assertBad("{\"event_type\":2,\"bid\":" + BID_OBJECT.replace("00:00:00.003", "00:00:00") + "}",
                "bid.dateTime: timestamp '2015-07-15 00:00:00' is not yyyy-MM-dd HH:mm:ss.SSS");
        assertBad("{\"event_type\":2,\"bid\":" + BID_OBJECT.replace("\"channel-1857\"", "5") + "}",
                "bid.channel is not a string");
        assertBad("{\"event_type\":2,\"bid\":" + BID_OBJECT + "} x", "invalid JSON");
        assertBad("{\"event_type\":2,\"bid\":" + BID_OBJECT + "} {}", "trailing content");
    }

    private static void assertBad(String line, String reason) {
        assertThatThrownBy(() -> EventJsonParser.parse("t.jsonl", 9, line))
                .isInstanceOf(BadRecordException.class)
                .hasMessageStartingWith("t.jsonl:9: ")
                .hasMessageContaining(reason);
    }
}
