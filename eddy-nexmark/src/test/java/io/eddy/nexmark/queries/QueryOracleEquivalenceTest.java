package io.eddy.nexmark.queries;

import io.eddy.nexmark.generator.NexmarkConfig;
import io.eddy.nexmark.generator.NexmarkGenerator;
import io.eddy.nexmark.job.NexmarkJob;
import io.eddy.nexmark.job.NexmarkJobOptions;
import io.eddy.nexmark.job.NexmarkJobResult;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.oracle.NexmarkOracle;
import io.eddy.nexmark.oracle.Q12Invariants;
import io.eddy.nexmark.result.ResultTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query on generated events through the real engine (generator source at the job's
 * parallelism, 1, 2 and 4) gives the same table as {@link NexmarkOracle} on the same events.
 * The events and each oracle table are computed once and shared. q12 (processing time) is
 * checked with {@link Q12Invariants} instead.
 */
class QueryOracleEquivalenceTest {

    private static final long SEED = 7;
    private static final int EVENTS = 50_000;
    private static final List<Event> GENERATED = generate();
    private static final Map<Integer, ResultTable> ORACLE = new ConcurrentHashMap<>();

    private static List<Event> generate() {
        NexmarkGenerator generator = new NexmarkGenerator(NexmarkConfig.builder().seed(SEED).build());
        List<Event> events = new ArrayList<>(EVENTS);
        generator.events(0, EVENTS).forEachRemaining(events::add);
        return events;
    }

    static Stream<Arguments> cases() {
        return IntStream.rangeClosed(0, 22).filter(q -> q != 12).boxed()
                .flatMap(q -> Stream.of(Arguments.of(q, 1), Arguments.of(q, 2), Arguments.of(q, 4)));
    }

    private static NexmarkJobResult run(String query, int parallelism) throws Exception {
        return NexmarkJob.run(NexmarkJobOptions.builder(query).seed(SEED).events(EVENTS).parallelism(parallelism)
                .build(), read -> { });
    }

    @ParameterizedTest(name = "q{0} p={1}")
    @MethodSource("cases")
    void engineMatchesTheOracle(int q, int parallelism) throws Exception {
        ResultTable expected = ORACLE.computeIfAbsent(q, n -> NexmarkOracle.run(n, GENERATED));
        NexmarkJobResult result = run("q" + q, parallelism);
        assertThat(result.eventsRead()).isEqualTo(EVENTS);
        assertThat(result.table().rows()).hasSameSizeAs(expected.rows());
        assertThat(result.table().csvText()).isEqualTo(expected.csvText());
    }

    @ParameterizedTest(name = "p={0}")
    @ValueSource(ints = {1, 2, 4})
    void q12CountsEveryBidOnce(int parallelism) throws Exception {
        ResultTable table = run("q12", parallelism).table();
        assertThat(Q12Invariants.violations(GENERATED, table)).isEmpty();
    }
}
