package io.eddy.nexmark.queries;

import io.eddy.api.state.MapState;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DistinctBands} against a plain map of id -> bits, across the move to bitmaps: the bits
 * it reports as new must be exactly the ones the model did not have, for negative ids too.
 */
class DistinctBandsTest {

    @Test
    void reportsExactlyTheNewBitsBeforeAndAfterTheMoveToBitmaps() throws Exception {
        Random random = new Random(42);
        MapState<Long, Integer> ids = new MapOnHashMap<>();
        MapState<Long, long[]> words = new MapOnHashMap<>();
        DistinctBands set = new DistinctBands(ids, words);
        Map<Long, Integer> model = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            long id = random.nextInt(4000) - 200;
            int bits = DistinctBands.bitsOf(1 + random.nextInt(3));
            int had = model.getOrDefault(id, 0);
            assertThat(set.add(id, bits, model.size())).as("bid %d, id %d", i, id).isEqualTo(bits & ~had);
            model.put(id, had | bits);
        }
        assertThat(model.size()).isGreaterThan(DistinctBands.DENSE_FROM);
        assertThat(ids.isEmpty()).isTrue();
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
