package io.eddy.nexmark.generator;

import java.nio.charset.StandardCharsets;

/**
 * The text of generated events: random strings (docs/nexmark/GENERATOR.md, Random strings) and padding.
 *
 * <p>Padding ("extra") is the bulk of an event's bytes, so it is never generated character by
 * character: it is a slice of one seeded pool of lowercase letters, built once per generator.
 * Paddings of up to 160 characters (all bids', most persons') are moreover shared String
 * instances, 64 per length, so most events allocate no padding at all. Random strings are
 * built in a byte buffer (all ASCII) to avoid StringBuilder and char widening.
 *
 * <p>Thread-safe: the pool is immutable after construction; the shared-padding cache is
 * filled with benign races (see {@link #shared}).
 */
final class Text {

    static final int MIN_STRING_LENGTH = 3;
    private static final int POOL_SIZE = 1 << 16;
    /** Paddings up to this length are shared String instances (bids' and most persons'). */
    private static final int MAX_SHARED_LENGTH = 160;
    /** Distinct start offsets, hence distinct shared paddings, per length. */
    private static final int VARIANTS = 64;

    private final byte[] pool;
    /**
     * Shared paddings by (length, variant), filled on first use. Races are benign: a String is
     * immutable and safely published through its final fields, so a thread sees either null
     * (and builds an equal string) or a complete string.
     */
    private final String[] shared = new String[(MAX_SHARED_LENGTH + 1) * VARIANTS];

    Text(long seed) {
        EventRandom random = new EventRandom(seed, -1);
        pool = new byte[POOL_SIZE];
        for (int i = 0; i < POOL_SIZE; i++) {
            pool[i] = (byte) ('a' + random.nextInt(26));
        }
    }

    /**
     * Padding that brings an event of {@code currentSize} bytes to {@code averageSize} bytes on
     * average: its length is uniform within +-20% of the missing size; empty if none is missing.
     */
    String extra(EventRandom random, int currentSize, int averageSize) {
        if (currentSize > averageSize) {
            return "";
        }
        int missing = averageSize - currentSize;
        int delta = (int) Math.round(missing * 0.2);
        int length = missing - delta + (delta == 0 ? 0 : random.nextInt(2 * delta));
        if (length > MAX_SHARED_LENGTH) {
            int from = random.nextInt(POOL_SIZE - length + 1);
            return new String(pool, from, length, StandardCharsets.ISO_8859_1);
        }
        // short paddings are most events' (all bids'): reuse one of VARIANTS slices per length,
        // which saves an allocation and a copy per event
        int slot = length * VARIANTS + random.nextInt(VARIANTS);
        String s = shared[slot];
        if (s == null) {
            int from = slot % VARIANTS * (POOL_SIZE / VARIANTS) + length; // < POOL_SIZE - length
            s = new String(pool, from, length, StandardCharsets.ISO_8859_1);
            shared[slot] = s;
        }
        return s;
    }

    /**
     * A random string of length uniform in [3, maxLength - 1]: lowercase letters, each one with
     * probability 1/13 replaced by {@code special}; then trimmed of surrounding spaces.
     */
    static String randomString(EventRandom random, int maxLength, char special) {
        int length = MIN_STRING_LENGTH + random.nextInt(maxLength - MIN_STRING_LENGTH);
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            long bits = random.nextLong();
            // the high 32 bits choose a special character (1 in 13), the low 32 bits the letter
            boolean isSpecial = ((bits >>> 32) * 13) >>> 32 == 0;
            b[i] = isSpecial ? (byte) special : (byte) ('a' + (int) (((bits & 0xFFFF_FFFFL) * 26) >>> 32));
        }
        int from = 0;
        int to = length;
        while (from < to && b[from] == ' ') {
            from++;
        }
        while (to > from && b[to - 1] == ' ') {
            to--;
        }
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
