package io.eddy.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.examples.WindowedWordCount.WordCount;
import java.io.PrintStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowedWordCountTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void countsMatchAModelOfTheGeneratedText(int parallelism) {
    long lines = 5_000;
    List<WordCount> actual = WindowedWordCount.run(lines, parallelism, 3, new PrintStream(OutputStream.nullOutputStream()));
    Map<WordCount, Boolean> seen = new HashMap<>();
    Map<String, Long> model = new HashMap<>();
    for (long i = 0; i < lines; i++) {
      long window = WindowedWordCount.timestamp(i) / 1000 * 1000;
      for (String w : WindowedWordCount.line(i).split(" ")) {
        model.merge(window + "/" + w, 1L, Long::sum);
      }
    }
    assertThat(actual).hasSize(model.size());
    for (WordCount c : actual) {
      assertThat(seen.put(c, true)).isNull();
      assertThat(c.count()).isEqualTo(model.get(c.windowStart() + "/" + c.word()));
    }
  }
}
