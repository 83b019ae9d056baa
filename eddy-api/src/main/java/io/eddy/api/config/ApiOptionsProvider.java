package io.eddy.api.config;

import java.util.List;

/** The engine-wide options defined in eddy-api. */
public final class ApiOptionsProvider implements ConfigOptionsProvider {
  @Override
  public List<Class<?>> optionClasses() {
    return List.of(CoreOptions.class, PipelineOptions.class, CheckpointingOptions.class, StateRecoveryOptions.class,
        AsyncStateOptions.class, MetricOptions.class);
  }
}
