package io.eddy.nexmark.queries;

import io.eddy.api.state.MapState;

import java.util.HashMap;
import java.util.Map;

/**
 * The exact set behind COUNT(DISTINCT id) FILTER (band) of q15 and q16, for one group: which
 * ids were seen at all (bit 0) and in which price band (bits 1..3). A small set is a
 * {@link PackedIds} inside the group's state value, so a bid of a small group reads one value.
 * Once it holds {@link #DENSE_FROM} ids, or an id does not pack, the set moves to map state of
 * bitmaps of 64 consecutive ids (key {@code id >> 6}, value one 64-bit word per bit): Nexmark
 * ids are dense and increasing, so a large group (a day, a hot channel) keeps one entry per 64
 * ids, and the group's value stays small on the byte backends, which copy it on every bid.
 * Bitmaps are changed in place and put back, as the state API asks.
 */
final class DistinctBands {

    /** Distinct ids from which a set is kept as bitmaps (below it, a packed table of 8 KiB at most). */
    static final int DENSE_FROM = 768;

    /** The bits of a bid in band 1..3: "seen at all" and "seen in this band". */
    static int bitsOf(int band) {
        return 1 | (1 << band);
    }

    private final MapState<Long, long[]> words;

    DistinctBands(MapState<Long, long[]> words) {
        this.words = words;
    }

    /**
     * Marks the id with the bits (of 0..3) in the group's set, whose small form is
     * {@code small}; returns the bits it did not have before.
     */
    int add(PackedIds small, long id, int bits) throws Exception {
        if (small.isOpen() && PackedIds.packs(id)) {
            int before = small.bitsOf(id);
            if (before != 0 || small.size() + 1 < DENSE_FROM) {
                int added = bits & ~before;
                if (added != 0) {
                    small.put(id, before | bits);
                }
                return added;
            }
        }
        if (small.isOpen()) {
            moveToWords(small);
        }
        return addToWords(id, bits);
    }

    private int addToWords(long id, int bits) throws Exception {
        Long bucket = id >> 6;
        long mask = 1L << (id & 63);
        long[] word = words.get(bucket);
        int added = 0;
        for (int bit = 0; bit < 4; bit++) {
            if ((bits & (1 << bit)) != 0 && (word == null || (word[bit] & mask) == 0)) {
                added |= 1 << bit;
            }
        }
        if (added != 0) {
            if (word == null) {
                word = new long[4];
            }
            set(word, id, added);
            words.put(bucket, word);
        }
        return added;
    }

    private void moveToWords(PackedIds small) throws Exception {
        Map<Long, long[]> buckets = new HashMap<>();
        small.forEach((id, bits) -> set(buckets.computeIfAbsent(id >> 6, b -> new long[4]), id, bits));
        words.putAll(buckets);
        small.release();
    }

    private static void set(long[] word, long id, int bits) {
        for (int bit = 0; bit < 4; bit++) {
            if ((bits & (1 << bit)) != 0) {
                word[bit] |= 1L << (id & 63);
            }
        }
    }
}
