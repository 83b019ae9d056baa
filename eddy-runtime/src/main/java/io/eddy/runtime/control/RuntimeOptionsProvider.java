package io.eddy.runtime.control;

import io.eddy.api.config.ConfigOptionsProvider;
import java.util.List;

/** Registers the options defined in eddy-runtime. */
public final class RuntimeOptionsProvider implements ConfigOptionsProvider {
  @Override
  public List<Class<?>> optionClasses() {
    return List.of(JobControlOptions.class);
  }
}
