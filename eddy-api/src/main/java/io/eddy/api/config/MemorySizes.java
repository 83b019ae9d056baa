package io.eddy.api.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses memory sizes the way Flink's configuration writes them: "512", "64kb", "256 mb", "1g", "2 gib". */
public final class MemorySizes {
  private static final Pattern SIZE = Pattern.compile("\\s*(\\d+)\\s*([a-zA-Z]*)\\s*");

  private MemorySizes() {}

  /** The size in bytes; units are powers of 1024 (b, k/kb/kib, m/mb/mib, g/gb/gib, t/tb/tib). */
  public static long parse(String text) {
    Matcher m = SIZE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a memory size: '" + text + "' (e.g. 64mb, 1gb)");
    }
    long n = Long.parseLong(m.group(1));
    int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "", "b", "bytes" -> 0;
      case "k", "kb", "kib" -> 10;
      case "m", "mb", "mib" -> 20;
      case "g", "gb", "gib" -> 30;
      case "t", "tb", "tib" -> 40;
      default -> throw new IllegalArgumentException("unknown memory unit in '" + text + "'");
    };
    if (n > (Long.MAX_VALUE >> shift)) {
      throw new IllegalArgumentException("memory size too large: '" + text + "'");
    }
    return n << shift;
  }
}
