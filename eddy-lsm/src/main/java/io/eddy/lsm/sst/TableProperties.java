package io.eddy.lsm.sst;

import io.eddy.lsm.util.ByteSink;
import io.eddy.lsm.util.ByteSource;
import java.util.Map;
import java.util.TreeMap;

/**
 * The properties block of an SST file: string pairs naming the plug-ins and counts the file
 * was written with ({@code comparator}, {@code filter.policy}, {@code merge.operator},
 * {@code entries}, ...). Encoded as varint count, then length-prefixed key and value
 * strings. Immutable.
 */
public record TableProperties(Map<String, String> values) {
  public static final String COMPARATOR = "comparator";
  public static final String FILTER_POLICY = "filter.policy";
  public static final String MERGE_OPERATOR = "merge.operator";
  public static final String ENTRIES = "entries";

  public TableProperties {
    values = Map.copyOf(values);
  }

  public String get(String key) {
    return values.getOrDefault(key, "");
  }

  byte[] encode() {
    ByteSink out = new ByteSink(256);
    Map<String, String> sorted = new TreeMap<>(values);
    out.putVarint(sorted.size());
    sorted.forEach((k, v) -> out.putString(k).putString(v));
    return out.toByteArray();
  }

  static TableProperties decode(byte[] data) {
    ByteSource in = new ByteSource(data);
    int n = in.varint32();
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      map.put(in.string(), in.string());
    }
    return new TableProperties(map);
  }
}
