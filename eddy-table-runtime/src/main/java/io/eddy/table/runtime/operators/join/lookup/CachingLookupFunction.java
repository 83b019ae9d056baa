package io.eddy.table.runtime.operators.join.lookup;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.eddy.api.types.Row;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A {@link LookupFunction} in front of another that keeps the rows of recently looked-up keys in a
 * bounded Caffeine cache (Flink's {@code CachingLookupFunction} with its default partial cache,
 * {@code 'lookup.cache' = 'PARTIAL'}). The cache is per subtask and not part of checkpoints: it
 * starts empty after a restore, as Flink's does. Answers may be stale by up to the expiry times.
 */
public final class CachingLookupFunction implements LookupFunction {
  private static final long serialVersionUID = 1L;

  private final LookupFunction delegate;
  private final LookupCacheOptions options;
  private transient Cache<List<Object>, Collection<Row>> cache;

  public CachingLookupFunction(LookupFunction delegate, LookupCacheOptions options) {
    this.delegate = delegate;
    this.options = options;
  }

  @Override
  public void open() throws Exception {
    Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(options.maxRows());
    if (options.expireAfterWrite() != null) {
      builder.expireAfterWrite(options.expireAfterWrite());
    }
    if (options.expireAfterAccess() != null) {
      builder.expireAfterAccess(options.expireAfterAccess());
    }
    cache = builder.build();
    delegate.open();
  }

  @Override
  public Collection<Row> lookup(Row key) throws Exception {
    List<Object> cacheKey = Arrays.asList(fields(key));
    Collection<Row> rows = cache.getIfPresent(cacheKey);
    if (rows == null) {
      rows = List.copyOf(delegate.lookup(key));
      if (!rows.isEmpty() || options.cacheMissingKey()) {
        cache.put(cacheKey, rows);
      }
    }
    return rows;
  }

  private static Object[] fields(Row key) {
    Object[] fields = new Object[key.getArity()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = key.getField(i);
    }
    return fields;
  }

  /** Keys held now (for tests and metrics). */
  long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  @Override
  public void close() throws Exception {
    if (cache != null) {
      cache.invalidateAll();
    }
    delegate.close();
  }
}
