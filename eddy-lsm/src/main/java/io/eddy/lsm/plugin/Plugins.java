package io.eddy.lsm.plugin;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Finds merge operators and compaction filters by their stable names, so a manifest or a
 * remote compaction request can name them. Built-ins are registered here; others arrive
 * through {@link ServiceLoader} of {@link Provider} or {@link #register*} calls.
 *
 * <p>Thread safety: thread-safe.
 */
public final class Plugins {
  /** Contributes plug-ins found with {@link ServiceLoader}. */
  public interface Provider {
    Map<String, Supplier<MergeOperator>> mergeOperators();

    Map<String, Function<String, CompactionFilter>> compactionFilters();
  }

  private static final Map<String, Supplier<MergeOperator>> MERGES = new ConcurrentHashMap<>();
  private static final Map<String, Function<String, CompactionFilter>> FILTERS = new ConcurrentHashMap<>();

  static {
    MERGES.put(Int64AddOperator.NAME, Int64AddOperator::new);
    MERGES.put(ListAppendOperator.NAME, ListAppendOperator::new);
    FILTERS.put(TtlCompactionFilter.NAME, cfg -> new TtlCompactionFilter(Long.parseLong(cfg)));
    for (Provider p : ServiceLoader.load(Provider.class, Plugins.class.getClassLoader())) {
      MERGES.putAll(p.mergeOperators());
      FILTERS.putAll(p.compactionFilters());
    }
  }

  private Plugins() {}

  public static void registerMergeOperator(String name, Supplier<MergeOperator> factory) {
    MERGES.put(name, factory);
  }

  public static void registerCompactionFilter(String name, Function<String, CompactionFilter> factory) {
    FILTERS.put(name, factory);
  }

  /** The merge operator of that name; "" gives null (none). */
  public static MergeOperator mergeOperator(String name) {
    if (name.isEmpty()) {
      return null;
    }
    Supplier<MergeOperator> f = MERGES.get(name);
    if (f == null) {
      throw new IllegalArgumentException("unknown merge operator '" + name + "'; known: " + MERGES.keySet());
    }
    return f.get();
  }

  /** The compaction filter of that name built from {@code config}; "" gives null (none). */
  public static CompactionFilter compactionFilter(String name, String config) {
    if (name.isEmpty()) {
      return null;
    }
    Function<String, CompactionFilter> f = FILTERS.get(name);
    if (f == null) {
      throw new IllegalArgumentException("unknown compaction filter '" + name + "'; known: " + FILTERS.keySet());
    }
    return f.apply(config);
  }
}
