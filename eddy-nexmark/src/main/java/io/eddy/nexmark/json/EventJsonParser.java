package io.eddy.nexmark.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.eddy.nexmark.model.Auction;
import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.model.Person;
import io.eddy.nexmark.model.Timestamps;

import java.io.IOException;

/**
 * Parses one JSON line of the docs/nexmark.md input into an {@link Event}, with Jackson's streaming
 * parser (no tree, no data binding).
 *
 * <p>Contract of a valid line: a JSON object with {@code event_type} 0, 1 or 2 and the keys
 * {@code person}, {@code auction}, {@code bid}, of which exactly the one matching the type is
 * an object and the others are null or absent. Inside that object every field of the view is
 * required: numbers must be JSON integers, {@code dateTime}/{@code expires} timestamp text;
 * string fields may be JSON null (a SQL NULL). Unknown keys are ignored, at both levels.
 * Anything else is a {@link BadRecordException} naming file, line and reason.
 *
 * <p>Thread-safe (the JsonFactory is shared; each call makes its own parser).
 */
public final class EventJsonParser {

    private static final JsonFactory FACTORY = new JsonFactory();

    private EventJsonParser() {
    }

    /**
     * Parses one line. {@code file} and {@code lineNumber} only label errors.
     *
     * @throws BadRecordException if the line is not a valid event
     */
    public static Event parse(String file, long lineNumber, String line) {
        try (JsonParser p = FACTORY.createParser(line)) {
            Event event = parseEvent(p);
            if (p.nextToken() != null) {
                throw new Bad("trailing content after the JSON object");
            }
            return event;
        } catch (Bad e) {
            throw new BadRecordException(file, lineNumber, e.getMessage());
        } catch (JsonParseException e) {
            throw new BadRecordException(file, lineNumber, "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRecordException(file, lineNumber, "unreadable: " + e.getMessage());
        }
    }

    private static Event parseEvent(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new Bad("not a JSON object");
        }
        int type = -1;
        Event found = null;
        String foundKey = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            switch (key) {
                case "event_type" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        throw new Bad("event_type is not an integer");
                    }
                    type = p.getIntValue();
                    if (type < 0 || type > 2) {
                        throw new Bad("unknown event_type " + p.getText());
                    }
                }
                case "person", "auction", "bid" -> {
                    if (value == JsonToken.VALUE_NULL) {
                        continue;
                    }
                    if (value != JsonToken.START_OBJECT) {
                        throw new Bad(key + " is neither an object nor null");
                    }
                    if (found != null) {
                        throw new Bad("both " + foundKey + " and " + key + " are non-null");
                    }
                    foundKey = key;
                    found = switch (key) {
                        case "person" -> person(new Fields(p, "person", PERSON_FIELDS));
                        case "auction" -> auction(new Fields(p, "auction", AUCTION_FIELDS));
                        default -> bid(new Fields(p, "bid", BID_FIELDS));
                    };
                }
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new Bad("not a JSON object");
        }
        if (type < 0) {
            throw new Bad("missing event_type");
        }
        String expected = type == Person.TYPE ? "person" : type == Auction.TYPE ? "auction" : "bid";
        if (found == null) {
            throw new Bad("event_type " + type + " but " + expected + " is null or missing");
        }
        if (found.eventType() != type) {
            throw new Bad("event_type " + type + " but " + foundKey + " is non-null instead of " + expected);
        }
        return found;
    }

    private static final String[] PERSON_FIELDS =
            {"id", "name", "emailAddress", "creditCard", "city", "state", "dateTime", "extra"};
    private static final String[] AUCTION_FIELDS = {"id", "itemName", "description", "initialBid", "reserve",
            "dateTime", "expires", "seller", "category", "extra"};
    private static final String[] BID_FIELDS = {"auction", "bidder", "price", "channel", "url", "dateTime", "extra"};

    private static Person person(Fields f) {
        return new Person(f.integer(0), f.string(1), f.string(2), f.string(3), f.string(4), f.string(5),
                f.timestamp(6), f.string(7));
    }

    private static Auction auction(Fields f) {
        return new Auction(f.integer(0), f.string(1), f.string(2), f.integer(3), f.integer(4), f.timestamp(5),
                f.timestamp(6), f.integer(7), f.integer(8), f.string(9));
    }

    private static Bid bid(Fields f) {
        return new Bid(f.integer(0), f.integer(1), f.integer(2), f.string(3), f.string(4), f.timestamp(5),
                f.string(6));
    }

    /** The scalar fields of one nested object, read in any order, then checked by position. */
    private static final class Fields {
        private final String object;
        private final String[] names;
        private final String[] texts;
        private final JsonToken[] tokens;

        Fields(JsonParser p, String object, String[] names) throws IOException {
            this.object = object;
            this.names = names;
            this.texts = new String[names.length];
            this.tokens = new JsonToken[names.length];
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                int i = indexOf(key);
                if (i < 0) {
                    p.skipChildren();
                    continue;
                }
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    throw new Bad(object + "." + key + " is not a scalar");
                }
                tokens[i] = value;
                texts[i] = value == JsonToken.VALUE_NULL ? null : p.getText();
            }
            if (t != JsonToken.END_OBJECT) {
                throw new Bad("malformed " + object + " object");
            }
        }

        private int indexOf(String key) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        private JsonToken present(int i) {
            if (tokens[i] == null) {
                throw new Bad("missing required field " + object + "." + names[i]);
            }
            return tokens[i];
        }

        long integer(int i) {
            JsonToken t = present(i);
            if (t != JsonToken.VALUE_NUMBER_INT) {
                throw new Bad(object + "." + names[i] + " is not an integer: " + texts[i]);
            }
            try {
                return Long.parseLong(texts[i]);
            } catch (NumberFormatException e) {
                throw new Bad(object + "." + names[i] + " is out of the BIGINT range: " + texts[i]);
            }
        }

        String string(int i) {
            JsonToken t = present(i);
            if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NULL) {
                throw new Bad(object + "." + names[i] + " is not a string: " + texts[i]);
            }
            return texts[i];
        }

        long timestamp(int i) {
            JsonToken t = present(i);
            if (t != JsonToken.VALUE_STRING) {
                throw new Bad(object + "." + names[i] + " is not a timestamp string: " + texts[i]);
            }
            try {
                return Timestamps.parse(texts[i]);
            } catch (IllegalArgumentException e) {
                throw new Bad(object + "." + names[i] + ": " + e.getMessage());
            }
        }
    }

    /** Internal carrier of a reason; converted to BadRecordException with file and line. */
    private static final class Bad extends RuntimeException {
        Bad(String reason) {
            super(reason, null, false, false);
        }
    }
}
