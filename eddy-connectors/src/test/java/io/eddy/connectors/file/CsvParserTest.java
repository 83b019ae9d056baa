package io.eddy.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvParserTest {
  private static final CsvFormat CSV = CsvFormat.DEFAULT;

  @Test
  void splitsPlainAndQuotedFields() throws Exception {
    assertThat(CsvParser.parse(CSV, "a,b,c")).containsExactly("a", "b", "c");
    assertThat(CsvParser.parse(CSV, "\"a,1\",\"say \"\"hi\"\"\",")).containsExactly("a,1", "say \"hi\"", "");
    assertThat(CsvParser.parse(CSV, ",\"\", x ")).containsExactly("", "", " x ");
    assertThat(CsvParser.parse(CSV, "\"two\nlines\",z")).containsExactly("two\nlines", "z");
    assertThat(CsvParser.parse(CSV.withDelimiter(';').withQuote('\''), "'a;b';c")).containsExactly("a;b", "c");
  }

  @Test
  void rejectsBrokenQuoting() {
    assertThatThrownBy(() -> CsvParser.parse(CSV, "a,\"open")).isInstanceOf(CsvParseException.class)
        .hasMessageContaining("not closed");
    assertThatThrownBy(() -> CsvParser.parse(CSV, "\"a\"b,c")).isInstanceOf(CsvParseException.class)
        .hasMessageContaining("after the closing quote at column 4");
    assertThatThrownBy(() -> CsvParser.parse(CSV, "ab\"c")).isInstanceOf(CsvParseException.class)
        .hasMessageContaining("quote inside an unquoted field at column 3");
  }

  @Test
  void knowsWhenAQuotedFieldContinuesOnTheNextLine() {
    assertThat(CsvParser.endsInsideQuotes(CSV, "a,\"b", false)).isTrue();
    assertThat(CsvParser.endsInsideQuotes(CSV, "a,\"b\"\"", false)).isTrue();
    assertThat(CsvParser.endsInsideQuotes(CSV, "a,\"b\"\"\"", false)).isFalse();
    // A stray quote is an error for the parser, not a continuation.
    assertThat(CsvParser.endsInsideQuotes(CSV, "a,b\"c", false)).isFalse();
    assertThat(CsvParser.endsInsideQuotes(CSV, "still, inside", true)).isTrue();
    assertThat(CsvParser.endsInsideQuotes(CSV, "closed\",\"reopened", true)).isTrue();
    assertThat(CsvParser.endsInsideQuotes(CSV, "closed\",z", true)).isFalse();
  }

  @Test
  void encodedFieldsParseBackUnchanged() throws Exception {
    Random random = new Random(7);
    String alphabet = "ab ,\"\n\r;'";
    for (int round = 0; round < 2_000; round++) {
      String[] fields = new String[1 + random.nextInt(4)];
      for (int f = 0; f < fields.length; f++) {
        StringBuilder field = new StringBuilder();
        for (int n = random.nextInt(5); n > 0; n--) {
          field.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        fields[f] = field.toString().replace("\r", "");
      }
      String record = CsvEncoder.encode(CSV, fields);
      assertThat(record).isNotEmpty();
      String[] lines = record.split("\n", -1);
      boolean inside = false;
      for (int l = 0; l < lines.length; l++) {
        inside = CsvParser.endsInsideQuotes(CSV, lines[l], inside);
        assertThat(inside).as("record %s continues after line %d", record, l).isEqualTo(l < lines.length - 1);
      }
      assertThat(CsvParser.parse(CSV, record)).as(record).containsExactly(fields);
    }
  }
}
