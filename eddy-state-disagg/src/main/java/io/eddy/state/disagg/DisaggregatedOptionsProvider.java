package io.eddy.state.disagg;

import io.eddy.api.config.ConfigOptionsProvider;
import java.util.List;

/** Registers {@link DisaggregatedOptions} with the configuration registry. */
public final class DisaggregatedOptionsProvider implements ConfigOptionsProvider {
  @Override
  public List<Class<?>> optionClasses() {
    return List.of(DisaggregatedOptions.class);
  }
}
