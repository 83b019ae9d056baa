package io.eddy.sql.codegen;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.SqlFunctions;

/**
 * Flink's built-in string and time functions that Calcite does not evaluate, with Flink's
 * semantics (DATE_FORMAT's Java date patterns, REGEXP_EXTRACT's NULL on no match or a bad
 * pattern, SPLIT_INDEX's 0-based index). Patterns are cached per text. Thread-safe.
 */
public final class ScalarFunctions {
  private ScalarFunctions() {}

  private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  public static String dateFormat(LocalDateTime t, String pattern) {
    return FORMATTERS.computeIfAbsent(pattern, DateTimeFormatter::ofPattern).format(t);
  }

  // Calcite's runtime functions, which Flink's generated code calls too (SQL regex to Java regex, cached)
  private static final SqlFunctions.SimilarFunction SIMILAR = new SqlFunctions.SimilarFunction();
  private static final SqlFunctions.SimilarEscapeFunction SIMILAR_ESCAPE = new SqlFunctions.SimilarEscapeFunction();

  /** SQL SIMILAR TO, with an optional escape character. */
  public static boolean similar(String s, String pattern, String escape) {
    return escape == null ? SIMILAR.similar(s, pattern) : SIMILAR_ESCAPE.similar(s, pattern, escape);
  }

  public static String regexpExtract(String s, String regex, int group) {
    RegexSearch search = RegexSearch.of(regex);
    return search == null ? null : regexpExtract(s, search, group);
  }

  /** REGEXP_EXTRACT with a compiled regex: the group of the first match, or NULL. */
  static String regexpExtract(String s, RegexSearch regex, int group) {
    Matcher m = regex.find(s);
    if (m == null || group < 0 || group > m.groupCount()) {
      return null;
    }
    return m.group(group);
  }

  public static String splitIndex(String s, String separator, int index) {
    if (index < 0 || separator.isEmpty()) {
      return null;
    }
    int start = 0;
    for (int i = 0; i < index; i++) {
      int at = s.indexOf(separator, start);
      if (at < 0) {
        return null;
      }
      start = at + separator.length();
    }
    int end = s.indexOf(separator, start);
    return end < 0 ? s.substring(start) : s.substring(start, end);
  }

  /** SQL LIKE with '%' and '_' and an optional escape character. */
  public static boolean like(String s, String pattern, Character escape) {
    return likePattern(pattern, escape).matcher(s).matches();
  }

  /** The regex of a LIKE pattern, cached. */
  static Pattern likePattern(String pattern, Character escape) {
    String key = "like:" + (escape == null ? "" : escape) + "\u0000" + pattern;
    return PATTERNS.computeIfAbsent(key, k -> Pattern.compile(likeToRegex(pattern, escape), Pattern.DOTALL));
  }

  static String likeToRegex(String pattern, Character escape) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (escape != null && c == escape && i + 1 < pattern.length()) {
        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        re.append(".*");
      } else if (c == '_') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }
}
