package io.eddy.nexmark.queries;

import io.eddy.api.state.MapState;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DistinctBands} against a plain map of id -> bits, across the move from the packed
 * small form to bitmaps: the bits it reports as new must be exactly the ones the model did not
 * have, for negative ids too, and an id too wide to pack moves a small set at once.
 */
class DistinctBandsTest {

    @Test
    void reportsExactlyTheNewBitsBeforeAndAfterTheMoveToBitmaps() throws Exception {
        PackedIds small = new PackedIds();
        DistinctBands set = new DistinctBands(new MapOnHashMap<>());
        Map<Long, Integer> model = new HashMap<>();
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long id = random.nextInt(4000) - 200;
            addAndCompare(set, small, model, id, DistinctBands.bitsOf(1 + random.nextInt(3)));
            assertThat(small.isOpen()).isEqualTo(model.size() < DistinctBands.DENSE_FROM);
        }
        assertThat(model.size()).isGreaterThan(DistinctBands.DENSE_FROM);
    }

    @Test
    void anIdThatDoesNotPackMovesTheSetToBitmaps() throws Exception {
        PackedIds small = new PackedIds();
        DistinctBands set = new DistinctBands(new MapOnHashMap<>());
        Map<Long, Integer> model = new HashMap<>();
        long[] ids = {5, -7, 1L << 58, -(1L << 59), Long.MIN_VALUE, 5, Long.MAX_VALUE, -7, Long.MIN_VALUE};
        for (int i = 0; i < ids.length; i++) {
            addAndCompare(set, small, model, ids[i], DistinctBands.bitsOf(1 + i % 3));
            assertThat(small.isOpen()).as("after id %d", ids[i]).isEqualTo(i < 4);
        }
    }

    private static void addAndCompare(DistinctBands set, PackedIds small, Map<Long, Integer> model, long id, int bits)
            throws Exception {
        int had = model.getOrDefault(id, 0);
        assertThat(set.add(small, id, bits)).as("id %d", id).isEqualTo(bits & ~had);
        model.put(id, had | bits);
    }

    /** Map state on a HashMap: values are stored as given. */
    private static final class MapOnHashMap<K, V> implements MapState<K, V> {
        private final Map<K, V> map = new HashMap<>();

        @Override public V get(K key) { return map.get(key); }
        @Override public void put(K key, V value) { map.put(key, value); }
        @Override public void putAll(Map<K, V> values) { map.putAll(values); }
        @Override public void remove(K key) { map.remove(key); }
        @Override public boolean contains(K key) { return map.containsKey(key); }
        @Override public Iterable<Map.Entry<K, V>> entries() { return Map.copyOf(map).entrySet(); }
        @Override public Iterable<K> keys() { return Map.copyOf(map).keySet(); }
        @Override public Iterable<V> values() { return Map.copyOf(map).values(); }
        @Override public Iterator<Map.Entry<K, V>> iterator() { return entries().iterator(); }
        @Override public boolean isEmpty() { return map.isEmpty(); }
        @Override public void clear() { map.clear(); }
    }
}
