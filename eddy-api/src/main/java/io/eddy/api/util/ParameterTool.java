package io.eddy.api.util;

import io.eddy.api.execution.ExecutionConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Flink's ParameterTool: reads a job's parameters from {@code --key value} arguments, a
 * properties file or system properties, with typed getters; pass it to
 * {@code env.getConfig().setGlobalJobParameters(...)} so that functions can read it too.
 */
public final class ParameterTool extends ExecutionConfig.GlobalJobParameters {
  /** The value of a key given without one, such as {@code --verbose}. */
  public static final String NO_VALUE_KEY = "__NO_VALUE_KEY";

  private final Map<String, String> data;

  private ParameterTool(Map<String, String> data) {
    this.data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  /** Parses {@code --key value}, {@code -key value} and value-less {@code --flag} arguments. */
  public static ParameterTool fromArgs(String[] args) {
    Map<String, String> map = new LinkedHashMap<>();
    int i = 0;
    while (i < args.length) {
      String key = keyOf(args[i]);
      i++;
      String value = NO_VALUE_KEY;
      if (i < args.length && (!args[i].startsWith("-") || isNumber(args[i]))) {
        value = args[i];
        i++;
      }
      if (map.put(key, value) != null) {
        throw new IllegalArgumentException("Key " + key + " is given more than once");
      }
    }
    return new ParameterTool(map);
  }

  private static String keyOf(String arg) {
    String key = arg.startsWith("--") ? arg.substring(2) : arg.startsWith("-") ? arg.substring(1) : null;
    if (key == null) {
      throw new IllegalArgumentException("Error parsing arguments '" + arg + "': keys start with - or --");
    }
    if (key.isEmpty()) {
      throw new IllegalArgumentException("The input " + arg + " contains an empty argument");
    }
    return key;
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  public static ParameterTool fromPropertiesFile(String path) throws IOException {
    Path file = Path.of(path);
    if (!Files.exists(file)) {
      throw new java.io.FileNotFoundException("Properties file " + file.toAbsolutePath() + " does not exist");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return fromPropertiesFile(in);
    }
  }

  public static ParameterTool fromPropertiesFile(InputStream in) throws IOException {
    Properties properties = new Properties();
    properties.load(in);
    return fromProperties(properties);
  }

  public static ParameterTool fromMap(Map<String, String> map) {
    return new ParameterTool(map);
  }

  public static ParameterTool fromSystemProperties() {
    return fromProperties(System.getProperties());
  }

  private static ParameterTool fromProperties(Properties properties) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String name : properties.stringPropertyNames()) {
      map.put(name, properties.getProperty(name));
    }
    return new ParameterTool(map);
  }

  public int getNumberOfParameters() {
    return data.size();
  }

  public boolean has(String key) {
    return data.containsKey(key);
  }

  /** The value, or null when the key is absent. */
  public String get(String key) {
    return data.get(key);
  }

  public String get(String key, String defaultValue) {
    return data.getOrDefault(key, defaultValue);
  }

  /** The value; fails naming the key when it is absent. */
  public String getRequired(String key) {
    String value = data.get(key);
    if (value == null) {
      throw new RuntimeException("No data for required key '" + key + "'");
    }
    return value;
  }

  public int getInt(String key) {
    return Integer.parseInt(getRequired(key));
  }

  public int getInt(String key, int defaultValue) {
    return has(key) ? getInt(key) : defaultValue;
  }

  public long getLong(String key) {
    return Long.parseLong(getRequired(key));
  }

  public long getLong(String key, long defaultValue) {
    return has(key) ? getLong(key) : defaultValue;
  }

  public float getFloat(String key) {
    return Float.parseFloat(getRequired(key));
  }

  public float getFloat(String key, float defaultValue) {
    return has(key) ? getFloat(key) : defaultValue;
  }

  public double getDouble(String key) {
    return Double.parseDouble(getRequired(key));
  }

  public double getDouble(String key, double defaultValue) {
    return has(key) ? getDouble(key) : defaultValue;
  }

  public boolean getBoolean(String key) {
    return Boolean.parseBoolean(getRequired(key));
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    return has(key) ? getBoolean(key) : defaultValue;
  }

  public short getShort(String key) {
    return Short.parseShort(getRequired(key));
  }

  public short getShort(String key, short defaultValue) {
    return has(key) ? getShort(key) : defaultValue;
  }

  public byte getByte(String key) {
    return Byte.parseByte(getRequired(key));
  }

  public byte getByte(String key, byte defaultValue) {
    return has(key) ? getByte(key) : defaultValue;
  }

  /** These parameters, overridden by {@code other}'s where both have a key. */
  public ParameterTool mergeWith(ParameterTool other) {
    Map<String, String> merged = new LinkedHashMap<>(data);
    merged.putAll(other.data);
    return new ParameterTool(merged);
  }

  public Properties getProperties() {
    Properties properties = new Properties();
    properties.putAll(data);
    return properties;
  }

  @Override
  public Map<String, String> toMap() {
    return data;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParameterTool p && p.data.equals(data);
  }

  @Override
  public int hashCode() {
    return data.hashCode();
  }
}
