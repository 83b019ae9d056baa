package io.eddy.sql.codegen;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled regex searched as {@link Matcher#find()} does, but skipping the text that cannot
 * hold a match: when every match of the regex contains a known literal (a run of plain
 * characters that the regex requires, preceded only by constructs of bounded width, such as the
 * {@code channel_id=} of {@code (&|^)channel_id=([^&]*)}), a text without the literal has no
 * match ({@link String#indexOf}, no regex engine), and a search starts at most that width before
 * the literal's first occurrence. The first match is the one {@code find()} finds: a match
 * starting earlier would contain an earlier occurrence of the literal. The analysis is
 * conservative: a regex it does not understand (flags, top-level alternation, quantified
 * prefixes, ...) is searched from the start. Instances are shared through {@link #of} and
 * serializable (compiled expressions hold them); immutable and thread-safe (matchers are per call).
 */
final class RegexSearch implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private static final Map<String, RegexSearch> CACHE = new ConcurrentHashMap<>();

  private final Pattern pattern;
  /** A literal every match contains, or null. */
  private final String literal;
  /** The most characters a match has before its literal. */
  private final int maxBefore;

  private RegexSearch(Pattern pattern, String literal, int maxBefore) {
    this.pattern = pattern;
    this.literal = literal;
    this.maxBefore = maxBefore;
  }

  /** The search for {@code regex}, or null if it is not a valid regex (Flink's functions then return NULL). */
  static RegexSearch of(String regex) {
    RegexSearch search = CACHE.get(regex);
    if (search == null) {
      try {
        search = compile(regex);
      } catch (PatternSyntaxException e) {
        return null;
      }
      CACHE.put(regex, search);
    }
    return search;
  }

  /** @throws PatternSyntaxException if {@code regex} is not valid */
  static RegexSearch compile(String regex) {
    Pattern pattern = Pattern.compile(regex);
    int[] before = new int[1];
    String literal = requiredLiteral(regex, before);
    return new RegexSearch(pattern, literal, before[0]);
  }

  Pattern pattern() {
    return pattern;
  }

  /** The literal the analysis found (null if none), for tests. */
  String literal() {
    return literal;
  }

  /** A matcher at the first match in {@code s}, or null if there is none. */
  Matcher find(String s) {
    int from = 0;
    if (literal != null) {
      int at = s.indexOf(literal);
      if (at < 0) {
        return null;
      }
      from = Math.max(0, at - maxBefore);
    }
    Matcher m = pattern.matcher(s);
    return m.find(from) ? m : null;
  }

  /**
   * The first run of plain characters every match of {@code regex} contains, with the most
   * characters a match can have before it in {@code maxBefore[0]}; null when the regex is not of
   * the understood shape: a sequence of anchors ({@code ^}), plain characters and groups of
   * alternatives of plain characters and anchors, none quantified, then the literal, then
   * anything without a top-level {@code |}; no {@code (?} constructs before the literal, no
   * {@code \Q} or {@code \G} anywhere.
   */
  static String requiredLiteral(String regex, int[] maxBefore) {
    if (regex.contains("\\Q") || regex.contains("\\G") || hasTopLevelAlternation(regex)) {
      return null;
    }
    int width = 0;
    int i = 0;
    int n = regex.length();
    while (i < n) {
      char c = regex.charAt(i);
      if (c == '^') {
        i++;
      } else if (c == '(') {
        int close = regex.indexOf(')', i);
        if (close < 0 || regex.startsWith("(?", i) || quantified(regex, close + 1)) {
          return null;
        }
        int widest = 0;
        for (String alternative : regex.substring(i + 1, close).split("\\|", -1)) {
          int w = plainWidth(alternative);
          if (w < 0) {
            return null;
          }
          widest = Math.max(widest, w);
        }
        width += widest;
        i = close + 1;
      } else {
        StringBuilder run = new StringBuilder();
        int j = i;
        while (j < n) {
          int step = plainAt(regex, j);
          if (step == 0) {
            break;
          }
          run.append(regex.charAt(j + step - 1));
          j += step;
        }
        if (quantified(regex, j) && run.length() > 0) {
          run.setLength(run.length() - 1); // the last character may repeat or be absent
        }
        if (run.isEmpty()) {
          return null;
        }
        maxBefore[0] = width;
        return run.toString();
      }
    }
    return null;
  }

  /** The length of a plain character at {@code i} (1, or 2 for an escaped one), or 0 if there is none. */
  private static int plainAt(String regex, int i) {
    char c = regex.charAt(i);
    if (c == '\\') {
      if (i + 1 >= regex.length()) {
        return 0;
      }
      char e = regex.charAt(i + 1);
      // a backslash before a character other than a letter or digit quotes it
      return e < 128 && !Character.isLetterOrDigit(e) ? 2 : 0;
    }
    return c < 128 && c >= ' ' && "\\^$.|?*+()[]{}".indexOf(c) < 0 ? 1 : 0;
  }

  /** The characters a sequence of plain characters and anchors ({@code ^}, {@code $}) matches, or -1 for anything else. */
  private static int plainWidth(String sequence) {
    int width = 0;
    for (int i = 0; i < sequence.length();) {
      char c = sequence.charAt(i);
      if (c == '^' || c == '$') {
        i++;
        continue;
      }
      int step = plainAt(sequence, i);
      if (step == 0) {
        return -1;
      }
      width++;
      i += step;
    }
    return width;
  }

  private static boolean quantified(String regex, int i) {
    return i < regex.length() && "?*+{".indexOf(regex.charAt(i)) >= 0;
  }

  /**
   * Whether a {@code |} outside every group and character class splits the regex (also true for
   * a regex with nested character classes, which this does not follow).
   */
  private static boolean hasTopLevelAlternation(String regex) {
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        if (c == '[') {
          return true; // a nested class: not analysed, treated as if the regex had alternatives
        }
        if (c == ']') {
          inClass = false;
        }
      } else if (c == '[') {
        inClass = true;
        if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
          i++;
        }
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
          i++; // a ']' first in a class is a member
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return true;
      }
    }
    return false;
  }
}
