package io.eddy.api.config;

import java.util.List;

/**
 * A module's configuration options, found through {@link java.util.ServiceLoader} (a line in
 * {@code META-INF/services/io.eddy.api.config.ConfigOptionsProvider}), so that validation and
 * the configuration reference (docs/configuration.md) read every key from one source. A module
 * that adds an options class lists it here; fields added to a listed class are found by
 * themselves.
 */
public interface ConfigOptionsProvider {
  /** Classes whose {@code public static final ConfigOption} fields are this module's options. */
  List<Class<?>> optionClasses();
}
