package io.eddy.state.rocksdb;

import io.eddy.api.config.ConfigOptionsProvider;
import java.util.List;

/** Registers {@link RocksDbOptions} with the configuration registry. */
public final class RocksDbOptionsProvider implements ConfigOptionsProvider {
  @Override
  public List<Class<?>> optionClasses() {
    return List.of(RocksDbOptions.class);
  }
}
