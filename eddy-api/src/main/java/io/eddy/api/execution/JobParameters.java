package io.eddy.api.execution;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Global job parameters as one configuration string in Flink's map format, {@code k1:v1,k2:v2};
 * a key or value holding ',', ':' or a quote is single-quoted with quotes doubled.
 */
public final class JobParameters {
  private JobParameters() {}

  public static String format(Map<String, String> parameters) {
    StringBuilder s = new StringBuilder();
    parameters.forEach((k, v) -> s.append(s.isEmpty() ? "" : ",").append(quote(k)).append(':').append(quote(v)));
    return s.toString();
  }

  public static Map<String, String> parse(String text) {
    Map<String, String> parameters = new LinkedHashMap<>();
    int i = 0;
    while (i < text.length()) {
      StringBuilder key = new StringBuilder();
      i = readToken(text, i, key, ':');
      StringBuilder value = new StringBuilder();
      i = readToken(text, i + 1, value, ',');
      parameters.put(key.toString(), value.toString());
      i++;
    }
    return parameters;
  }

  private static String quote(String token) {
    String t = token == null ? "" : token;
    if (t.indexOf(',') < 0 && t.indexOf(':') < 0 && t.indexOf('\'') < 0) {
      return t;
    }
    return "'" + t.replace("'", "''") + "'";
  }

  /** Reads one token from {@code i} up to the unquoted {@code end}; returns the index of {@code end} or the length. */
  private static int readToken(String text, int i, StringBuilder token, char end) {
    if (i < text.length() && text.charAt(i) == '\'') {
      i++;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          token.append('\'');
          i += 2;
        } else if (c == '\'') {
          i++;
          break;
        } else {
          token.append(c);
          i++;
        }
      }
      return i;
    }
    while (i < text.length() && text.charAt(i) != end) {
      token.append(text.charAt(i++));
    }
    return i;
  }
}
