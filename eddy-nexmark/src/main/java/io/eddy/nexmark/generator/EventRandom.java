package io.eddy.nexmark.generator;

/**
 * The random draws of one event: a SplitMix64 sequence whose start is a mix of
 * (seed, event id), so every event's randomness is a pure function of those two numbers and a
 * parallel or restarted source reproduces the same events without replaying earlier ones.
 *
 * <p>Not thread-safe; cheap to create (one long of state), one per event.
 */
final class EventRandom {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    EventRandom(long seed, long stream) {
        this.state = mix(seed ^ mix(stream * GOLDEN + 0x632BE59BD9B4E019L));
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, bound); bound > 0. */
    int nextInt(int bound) {
        return (int) Math.unsignedMultiplyHigh(nextLong(), bound);
    }

    /** Uniform in [0, bound); bound > 0. */
    long nextLong(long bound) {
        return Math.unsignedMultiplyHigh(nextLong(), bound);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** The SplitMix64 finalizer (Stafford variant 13): a bijective avalanche of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
