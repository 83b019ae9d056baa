package io.eddy.sql.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RegexSearchTest {
  private static final List<String> REGEXES = List.of("(&|^)channel_id=([^&]*)", "channel_id=(\\d+)", "a(b|cd)ef",
      "(x|)ab+c", "^ab", "(^|&)a\\.b", "ab|cd", "(?i)ab", "x*ab", "[ab]cd", "(a|b)(c|^)d", "(ab)*cd", "a{2}b",
      "(&|^)k=([^&]*)&(q|r)", "\\&=a", "(a|bb)c$", "ab?c", "[a|b]cd", "[[a]|b]c");

  @Test
  void findsTheFirstMatchAsFindDoes() {
    Random random = new Random(42);
    String alphabet = "abcdkqrx&=^.|_";
    for (String regex : REGEXES) {
      RegexSearch search = RegexSearch.compile(regex);
      Pattern plain = Pattern.compile(regex);
      for (int n = 0; n < 20_000; n++) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(16);
        for (int i = 0; i < length; i++) {
          if (random.nextInt(8) == 0) {
            text.append(random.nextBoolean() ? "channel_id=" : "k=");
          }
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String s = text.toString();
        Matcher expected = plain.matcher(s);
        Matcher actual = search.find(s);
        if (!expected.find()) {
          assertThat(actual).as("%s in %s", regex, s).isNull();
        } else {
          assertThat(actual).as("%s in %s", regex, s).isNotNull();
          assertThat(actual.start()).as("%s in %s", regex, s).isEqualTo(expected.start());
          assertThat(actual.end()).as("%s in %s", regex, s).isEqualTo(expected.end());
          for (int g = 0; g <= expected.groupCount(); g++) {
            assertThat(actual.group(g)).isEqualTo(expected.group(g));
          }
        }
      }
    }
  }

  @Test
  void findsTheLiteralEveryMatchContains() {
    assertThat(RegexSearch.compile("(&|^)channel_id=([^&]*)").literal()).isEqualTo("channel_id=");
    assertThat(RegexSearch.compile("a(b|cd)ef").literal()).isEqualTo("a");
    assertThat(RegexSearch.compile("(x|)ab+c").literal()).isEqualTo("a");
    assertThat(RegexSearch.compile("(a|b)(c|^)d").literal()).isEqualTo("d");
    assertThat(RegexSearch.compile("(^|&)a\\.b").literal()).isEqualTo("a.b");
    assertThat(RegexSearch.compile("ab|cd").literal()).isNull();
    assertThat(RegexSearch.compile("(?i)ab").literal()).isNull();
    assertThat(RegexSearch.compile("x*ab").literal()).isNull();
    assertThat(RegexSearch.compile("(ab)*cd").literal()).isNull();
    assertThat(RegexSearch.compile("[[a]|b]c").literal()).isNull();
  }

  @Test
  void anInvalidRegexHasNoSearch() {
    assertThat(RegexSearch.of("(a")).isNull();
    assertThat(ScalarFunctions.regexpExtract("a", "(a", 0)).isNull();
  }
}
