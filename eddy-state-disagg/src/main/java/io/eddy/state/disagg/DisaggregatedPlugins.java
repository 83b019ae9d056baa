package io.eddy.state.disagg;

import io.eddy.lsm.plugin.CompactionFilter;
import io.eddy.lsm.plugin.MergeOperator;
import io.eddy.lsm.plugin.Plugins;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Makes this backend's eddy-lsm plug-in ({@link ColumnTtlFilter}) known by name to every
 * process that has the module on its class path, in particular {@code eddy compaction-worker},
 * which rebuilds a job's compaction filter from its name and config. Found by {@link
 * java.util.ServiceLoader} ({@code META-INF/services/io.eddy.lsm.plugin.Plugins$Provider}).
 * The merge operator of list appends is eddy-lsm's built-in {@code eddy.listappend}.
 */
public final class DisaggregatedPlugins implements Plugins.Provider {
  @Override
  public Map<String, Supplier<MergeOperator>> mergeOperators() {
    return Map.of();
  }

  @Override
  public Map<String, Function<String, CompactionFilter>> compactionFilters() {
    return Map.of(ColumnTtlFilter.NAME, ColumnTtlFilter::parse);
  }
}
