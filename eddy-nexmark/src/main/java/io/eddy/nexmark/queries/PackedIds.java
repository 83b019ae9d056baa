package io.eddy.nexmark.queries;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;

/**
 * The small form of one of {@link DistinctBands}' sets, kept inside the group's state value:
 * id -> band bits (4 bits, bit 0 always set) packed as {@code id << 4 | bits} into one long of
 * an open-addressing table with linear probing, 0 being an empty slot. One probe sequence
 * touches one or two cache lines, where a map of boxed ids chases three objects per lookup,
 * and an id costs 11 to 21 bytes instead of about 60. Only ids whose top 5 bits agree pack
 * ({@link #packs}); the caller keeps other ids, and sets that grow large, as bitmaps and then
 * {@link #release()}s this form for good. Not thread-safe; mutated in place by its group's
 * owner, who writes the group back to state after every change.
 */
final class PackedIds implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int BITS = 4;
    private static final int MIN_CAPACITY = 16;

    /** The packed slots, a power of two long; null once released. */
    private long[] slots = new long[MIN_CAPACITY];
    private int size;

    /** Whether the id fits into a slot beside its bits. */
    static boolean packs(long id) {
        return (id << BITS) >> BITS == id;
    }

    /** False once the set has moved to bitmaps. */
    boolean isOpen() {
        return slots != null;
    }

    int size() {
        return size;
    }

    /** The id's bits, 0 if absent. REQUIRES: open and {@code packs(id)}. */
    int bitsOf(long id) {
        long[] s = slots;
        int mask = s.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            long packed = s[i];
            if (packed == 0) {
                return 0;
            }
            if (packed >> BITS == id) {
                return (int) packed & ((1 << BITS) - 1);
            }
        }
    }

    /** Sets the id's bits (a superset of what it had, with bit 0). REQUIRES: open, {@code packs(id)}. */
    void put(long id, int bits) {
        int mask = slots.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            long packed = slots[i];
            if (packed == 0) {
                slots[i] = id << BITS | bits;
                if (++size > slots.length / 2 + slots.length / 4) {
                    rehash(slots.length * 2);
                }
                return;
            }
            if (packed >> BITS == id) {
                slots[i] = id << BITS | bits;
                return;
            }
        }
    }

    /** Calls back with every id and its bits. REQUIRES: open. */
    void forEach(IdBitsConsumer action) {
        for (long packed : slots) {
            if (packed != 0) {
                action.accept(packed >> BITS, (int) packed & ((1 << BITS) - 1));
            }
        }
    }

    /** Drops the table: the set lives elsewhere from now on. */
    void release() {
        slots = null;
        size = 0;
    }

    @FunctionalInterface
    interface IdBitsConsumer {
        void accept(long id, int bits);
    }

    /** Size, then the occupied slots; -1 for a released set. */
    void write(DataOutput out) throws IOException {
        if (slots == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(size);
        for (long packed : slots) {
            if (packed != 0) {
                out.writeLong(packed);
            }
        }
    }

    static PackedIds read(DataInput in) throws IOException {
        PackedIds set = new PackedIds();
        int size = in.readInt();
        if (size < 0) {
            set.release();
            return set;
        }
        set.slots = new long[capacityFor(size)];
        for (int n = 0; n < size; n++) {
            set.insert(in.readLong());
        }
        set.size = size;
        return set;
    }

    private static int capacityFor(int size) {
        int capacity = MIN_CAPACITY;
        while (size > capacity / 2 + capacity / 4) {
            capacity *= 2;
        }
        return capacity;
    }

    private void rehash(int capacity) {
        long[] old = slots;
        slots = new long[capacity];
        for (long packed : old) {
            if (packed != 0) {
                insert(packed);
            }
        }
    }

    /** Places a packed slot known to be absent. */
    private void insert(long packed) {
        int mask = slots.length - 1;
        int i = slot(packed >> BITS, mask);
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = packed;
    }

    private static int slot(long id, int mask) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
