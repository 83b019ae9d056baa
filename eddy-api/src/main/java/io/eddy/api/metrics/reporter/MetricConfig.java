package io.eddy.api.metrics.reporter;

import java.util.Properties;

/** A reporter's parameters (its {@code metrics.reporter.<name>.*} keys without that prefix), with typed getters. */
public class MetricConfig extends Properties {
  public String getString(String key, String defaultValue) {
    return getProperty(key, defaultValue);
  }

  public int getInteger(String key, int defaultValue) {
    String value = getProperty(key);
    return value == null ? defaultValue : Integer.parseInt(value.trim());
  }

  public long getLong(String key, long defaultValue) {
    String value = getProperty(key);
    return value == null ? defaultValue : Long.parseLong(value.trim());
  }

  public double getDouble(String key, double defaultValue) {
    String value = getProperty(key);
    return value == null ? defaultValue : Double.parseDouble(value.trim());
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    String value = getProperty(key);
    return value == null ? defaultValue : Boolean.parseBoolean(value.trim());
  }
}
