package io.eddy.nexmark.generator;

import java.nio.charset.StandardCharsets;

/**
 * The text of generated events: random strings (GENERATOR.md, Random strings) and padding.
 *
 * <p>Padding ("extra") is the bulk of an event's bytes, so it is never generated character by
 * character: it is a slice of one seeded pool of lowercase letters, built once per generator.
 * Random strings are built in a byte buffer (all ASCII) to avoid StringBuilder and char
 * widening. Immutable after construction, so one instance is shared by all threads.
 */
final class Text {

    static final int MIN_STRING_LENGTH = 3;
    private static final int POOL_SIZE = 1 << 16;

    private final byte[] pool;

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
        int from = random.nextInt(POOL_SIZE - length + 1);
        return new String(pool, from, length, StandardCharsets.ISO_8859_1);
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
