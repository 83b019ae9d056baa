package io.eddy.nexmark.oracle;

import io.eddy.nexmark.json.EventJsonReader;
import io.eddy.nexmark.model.Event;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests of the oracle: {@code nexmark/qN/input.jsonl} with its hand-computed
 * {@code expected.csv}; {@code nexmark/README.md} lists the edge cases each input covers.
 * The same files serve the engine's query tests.
 */
class OracleGoldenTest {

    @ParameterizedTest(name = "q{0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22})
    void oracleGivesTheHandCheckedTable(int q) throws IOException, URISyntaxException {
        Path dir = Path.of(OracleGoldenTest.class.getResource("/nexmark/q" + q).toURI());
        List<Event> events = EventJsonReader.readAll(dir.resolve("input.jsonl"));
        String expected = Files.readString(dir.resolve("expected.csv"), StandardCharsets.UTF_8);
        assertThat(NexmarkOracle.run(q, events).csvText()).isEqualTo(expected);
    }
}
