package io.eddy.nexmark.model;

/**
 * A person registering on the auction site: the {@code person} view of the Nexmark queries,
 * field for field. {@code dateTime} is epoch milliseconds UTC. String fields may be null when
 * read from an input file that says so.
 */
public record Person(long id, String name, String emailAddress, String creditCard, String city,
                     String state, long dateTime, String extra) implements Event {

    /** Event type code of persons in the JSON-lines format. */
    public static final int TYPE = 0;

    @Override
    public int eventType() {
        return TYPE;
    }
}
