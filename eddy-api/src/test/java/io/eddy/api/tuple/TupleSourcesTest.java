package io.eddy.api.tuple;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checked-in tuple classes are exactly what TupleGenerator writes. */
class TupleSourcesTest {
  @Test
  void generatedTupleClassesAreCurrent() throws Exception {
    Path folder = Path.of("src/main/java/io/eddy/api/tuple");
    for (int arity = TupleGenerator.FIRST; arity <= Tuple.MAX_ARITY; arity++) {
      assertThat(Files.readString(folder.resolve("Tuple" + arity + ".java")))
          .as("Tuple%d.java (rewrite with TupleGenerator.main)", arity)
          .isEqualTo(TupleGenerator.source(arity));
    }
  }
}
