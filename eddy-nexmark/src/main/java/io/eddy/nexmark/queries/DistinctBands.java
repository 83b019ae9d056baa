package io.eddy.nexmark.queries;

import io.eddy.api.state.MapState;

import java.util.HashMap;
import java.util.Map;

/**
 * The exact set behind COUNT(DISTINCT id) FILTER (band) of q15 and q16, for one group: which
 * ids were seen at all (bit 0) and in which price band (bits 1..3). A small set is map state of
 * id -> bits. Once it holds {@link #DENSE_FROM} ids it moves to bitmaps of 64 consecutive ids
 * (key {@code id >> 6}, value one 64-bit word per bit): Nexmark ids are dense and increasing, so
 * a large group (a day, a hot channel) keeps one entry per 64 ids instead of one per id, and
 * its lookups stay in cache; small groups, whose ids are scattered, stay one entry per id,
 * which is smaller there. The switch depends only on the distinct count, which the caller keeps
 * in its state, so it survives restore. Values are never mutated after a put (copy on write), as
 * the state SPI requires.
 */
final class DistinctBands {

    /** Distinct ids from which a set is kept as bitmaps. */
    static final int DENSE_FROM = 1024;

    /** The bits of a bid in band 1..3: "seen at all" and "seen in this band". */
    static int bitsOf(int band) {
        return 1 | (1 << band);
    }

    private final MapState<Long, Integer> ids;
    private final MapState<Long, long[]> words;

    DistinctBands(MapState<Long, Integer> ids, MapState<Long, long[]> words) {
        this.ids = ids;
        this.words = words;
    }

    /**
     * Marks the id with the bits (of 0..3); returns the bits it did not have before.
     * REQUIRES: {@code distinct} is the number of ids added so far (the set's bit 0 count).
     */
    int add(long id, int bits, long distinct) throws Exception {
        if (distinct >= DENSE_FROM) {
            return addToWords(id, bits);
        }
        Integer before = ids.get(id);
        int added = before == null ? bits : bits & ~before;
        if (added != 0) {
            ids.put(id, before == null ? bits : before | bits);
            if (before == null && distinct + 1 == DENSE_FROM) {
                moveIdsToWords();
            }
        }
        return added;
    }

    private int addToWords(long id, int bits) throws Exception {
        Long bucket = id >> 6;
        long mask = 1L << (id & 63);
        long[] before = words.get(bucket);
        int added = 0;
        for (int bit = 0; bit < 4; bit++) {
            if ((bits & (1 << bit)) != 0 && (before == null || (before[bit] & mask) == 0)) {
                added |= 1 << bit;
            }
        }
        if (added != 0) {
            long[] after = before == null ? new long[4] : before.clone();
            set(after, id, added);
            words.put(bucket, after);
        }
        return added;
    }

    private void moveIdsToWords() throws Exception {
        Map<Long, long[]> buckets = new HashMap<>();
        for (Map.Entry<Long, Integer> e : ids.entries()) {
            long id = e.getKey();
            set(buckets.computeIfAbsent(id >> 6, b -> new long[4]), id, e.getValue());
        }
        ids.clear();
        words.putAll(buckets);
    }

    private static void set(long[] bucket, long id, int bits) {
        for (int bit = 0; bit < 4; bit++) {
            if ((bits & (1 << bit)) != 0) {
                bucket[bit] |= 1L << (id & 63);
            }
        }
    }
}
