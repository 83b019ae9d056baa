package io.eddy.nexmark.generator;

/**
 * Immutable settings of the Nexmark generator (docs/nexmark/GENERATOR.md). Build with {@link #builder()};
 * every field has the documented default, so {@code NexmarkConfig.builder().build()} is the
 * standard stream.
 *
 * @param seed             seed of all randomness; same seed, same stream
 * @param eventsPerSecond  pacing of event time: events per second of event time (default 10,000)
 * @param firstEventId     added to the event number to give the event id (default 1)
 * @param firstEventNumber event number of the event at index 0 (default 1)
 * @param baseTimeMillis   event time of event number 0, epoch millis UTC
 *                         (default 2015-07-15 00:00:00.000)
 */
public record NexmarkConfig(long seed, double eventsPerSecond, long firstEventId, long firstEventNumber,
                            long baseTimeMillis) {

    /** 2015-07-15 00:00:00.000 UTC. */
    public static final long DEFAULT_BASE_TIME = 1_436_918_400_000L;

    public NexmarkConfig {
        if (!(eventsPerSecond > 0) || Double.isInfinite(eventsPerSecond)) {
            throw new IllegalArgumentException("eventsPerSecond must be positive and finite: " + eventsPerSecond);
        }
        if (firstEventId < 0 || firstEventNumber < 0) {
            throw new IllegalArgumentException("firstEventId and firstEventNumber must be >= 0");
        }
    }

    /** Microseconds of event time between two consecutive events. */
    public double interEventDelayMicros() {
        return 1_000_000.0 / eventsPerSecond;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the docs/nexmark/GENERATOR.md defaults. Not thread-safe. */
    public static final class Builder {
        private long seed;
        private double eventsPerSecond = 10_000;
        private long firstEventId = 1;
        private long firstEventNumber = 1;
        private long baseTimeMillis = DEFAULT_BASE_TIME;

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder eventsPerSecond(double eventsPerSecond) {
            this.eventsPerSecond = eventsPerSecond;
            return this;
        }

        public Builder firstEventId(long firstEventId) {
            this.firstEventId = firstEventId;
            return this;
        }

        public Builder firstEventNumber(long firstEventNumber) {
            this.firstEventNumber = firstEventNumber;
            return this;
        }

        public Builder baseTimeMillis(long baseTimeMillis) {
            this.baseTimeMillis = baseTimeMillis;
            return this;
        }

        public NexmarkConfig build() {
            return new NexmarkConfig(seed, eventsPerSecond, firstEventId, firstEventNumber, baseTimeMillis);
        }
    }
}
