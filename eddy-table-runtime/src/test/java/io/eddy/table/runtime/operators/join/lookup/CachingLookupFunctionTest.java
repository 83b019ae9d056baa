package io.eddy.table.runtime.operators.join.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The partial cache answers repeated keys without reaching the table, missing keys too unless told not to. */
class CachingLookupFunctionTest {
  private static final List<Row> ROWS = List.of(Row.of("a", 1L), Row.of("b", 2L));

  @Test
  void repeatedKeysAreAnsweredFromTheCache() throws Exception {
    MapLookupFunction table = new MapLookupFunction("cache-hits", ROWS);
    CachingLookupFunction cached = new CachingLookupFunction(table, new LookupCacheOptions(100, null, null, true));
    cached.open();
    assertThat(cached.lookup(Row.of("a"))).containsExactly(Row.of("a", 1L));
    assertThat(cached.lookup(Row.of("a"))).containsExactly(Row.of("a", 1L));
    assertThat(cached.lookup(Row.of("x"))).isEmpty();
    assertThat(cached.lookup(Row.of("x"))).isEmpty();
    assertThat(table.lookups()).isEqualTo(2);
    assertThat(cached.size()).isEqualTo(2);
    cached.close();
  }

  @Test
  void missingKeysAreAskedAgainWithoutCacheMissingKey() throws Exception {
    MapLookupFunction table = new MapLookupFunction("cache-misses", ROWS);
    CachingLookupFunction cached = new CachingLookupFunction(table, new LookupCacheOptions(100, null, null, false));
    cached.open();
    cached.lookup(Row.of("x"));
    cached.lookup(Row.of("x"));
    cached.lookup(Row.of("b"));
    cached.lookup(Row.of("b"));
    assertThat(table.lookups()).isEqualTo(3);
    cached.close();
  }

  @Test
  void theCacheHoldsAtMostMaxRowsKeys() throws Exception {
    MapLookupFunction table = new MapLookupFunction("cache-bound", ROWS);
    CachingLookupFunction cached = new CachingLookupFunction(table, new LookupCacheOptions(3, null, null, true));
    cached.open();
    for (int i = 0; i < 50; i++) {
      cached.lookup(Row.of("k" + i));
    }
    assertThat(cached.size()).isLessThanOrEqualTo(3);
    cached.close();
  }
}
