package io.eddy.nexmark.queries;

import io.eddy.nexmark.job.NexmarkJob;
import io.eddy.nexmark.job.NexmarkJobOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query on its golden input ({@code nexmark/qN/input.jsonl}, hand-checked late and
 * boundary records) through the real engine and the file source, at parallelism 1 and 2 (the
 * file is read by one subtask; the query's operators run at the given parallelism), must give
 * exactly {@code expected.csv}. q12 (processing time) has no golden case.
 */
class QueryGoldenTest {

    static Stream<Arguments> cases() {
        return IntStream.rangeClosed(0, 22).filter(q -> q != 12).boxed()
                .flatMap(q -> Stream.of(Arguments.of(q, 1), Arguments.of(q, 2)));
    }

    @ParameterizedTest(name = "q{0} p={1}")
    @MethodSource("cases")
    void engineGivesTheHandCheckedTable(int q, int parallelism) throws Exception {
        Path dir = Path.of(QueryGoldenTest.class.getResource("/nexmark/q" + q).toURI());
        String expected = Files.readString(dir.resolve("expected.csv"), StandardCharsets.UTF_8);
        var result = NexmarkJob.run(NexmarkJobOptions.builder("q" + q).input(dir.resolve("input.jsonl"))
                .parallelism(parallelism).build(), read -> { });
        assertThat(result.table().csvText()).isEqualTo(expected);
    }

}
