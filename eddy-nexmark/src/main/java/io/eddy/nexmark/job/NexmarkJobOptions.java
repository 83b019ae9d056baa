package io.eddy.nexmark.job;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one Nexmark run needs, immutable; build with {@link #builder(String)}.
 *
 * @param query          "q0" .. "q22"
 * @param events         number of generated events (ignored with an input file)
 * @param rate           events per second of wall time over all source subtasks; 0 = unpaced
 * @param seed           generator seed
 * @param parallelism    job parallelism (the file source always reads with one subtask)
 * @param stateBackend   {@code state.backend.type}: hashmap, rocksdb, disaggregated
 * @param input          JSON-lines input (docs/nexmark.md), or null to generate events
 * @param skipBadRecords skip (and report) malformed input lines instead of failing
 * @param sideInput      q13's side input CSV ({@code key,value}), or null for the standard rows
 * @param q10OutputDir   where q10 writes its partitioned files, or null for none
 * @param configuration  further job configuration keys, passed to the environment as they are
 *                       (checkpointing, ...); the keys above win over them
 * @param collectResults false to discard the query's output (a blackhole sink, as benchmarks
 *                       measure); the result table is then empty
 * @param changelogDir   where a checkpointed run keeps its committed changelog (part files), so
 *                       that the table survives the process; a resume must name the folder of the
 *                       run it resumes; null = a temporary folder, deleted after the run
 * @param sql            run the query's SQL text ({@code io/eddy/nexmark/sql/qN.sql}) on the same
 *                       events instead of its hand-written DataStream job
 */
public record NexmarkJobOptions(String query, long events, double rate, long seed, int parallelism,
                                String stateBackend, Path input, boolean skipBadRecords, Path sideInput,
                                Path q10OutputDir, Map<String, String> configuration, boolean collectResults,
                                Path changelogDir, boolean sql) {

    public NexmarkJobOptions {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(stateBackend, "stateBackend");
        if (events < 0) {
            throw new IllegalArgumentException("events must be >= 0: " + events);
        }
        if (rate < 0 || Double.isNaN(rate)) {
            throw new IllegalArgumentException("rate must be >= 0 events/s: " + rate);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1: " + parallelism);
        }
        configuration = Map.copyOf(configuration);
    }

    public static Builder builder(String query) {
        return new Builder(query);
    }

    /** Defaults: 1,000,000 events, unpaced, seed 0, parallelism 1, hashmap, generated input. */
    public static final class Builder {
        private final String query;
        private long events = 1_000_000;
        private double rate;
        private long seed;
        private int parallelism = 1;
        private String stateBackend = "hashmap";
        private Path input;
        private boolean skipBadRecords;
        private Path sideInput;
        private Path q10OutputDir;
        private final Map<String, String> configuration = new LinkedHashMap<>();
        private boolean collectResults = true;
        private Path changelogDir;
        private boolean sql;

        private Builder(String query) {
            this.query = query;
        }

        public Builder events(long events) {
            this.events = events;
            return this;
        }

        public Builder rate(double rate) {
            this.rate = rate;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder parallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        public Builder stateBackend(String stateBackend) {
            this.stateBackend = stateBackend;
            return this;
        }

        public Builder input(Path input) {
            this.input = input;
            return this;
        }

        public Builder skipBadRecords(boolean skipBadRecords) {
            this.skipBadRecords = skipBadRecords;
            return this;
        }

        public Builder sideInput(Path sideInput) {
            this.sideInput = sideInput;
            return this;
        }

        public Builder q10OutputDir(Path q10OutputDir) {
            this.q10OutputDir = q10OutputDir;
            return this;
        }

        /** Adds configuration keys (later calls override earlier ones per key). */
        public Builder configuration(Map<String, String> configuration) {
            this.configuration.putAll(configuration);
            return this;
        }

        public Builder configuration(String key, String value) {
            this.configuration.put(key, value);
            return this;
        }

        /** Discard the output instead of building the result table (throughput runs). */
        public Builder discardResults() {
            this.collectResults = false;
            return this;
        }

        /** Where a checkpointed run keeps its committed changelog (see the record's doc). */
        /** Runs the query's SQL text instead of its DataStream job. */
        public Builder sql(boolean sql) {
            this.sql = sql;
            return this;
        }

        public Builder changelogDir(Path changelogDir) {
            this.changelogDir = changelogDir;
            return this;
        }

        public NexmarkJobOptions build() {
            return new NexmarkJobOptions(query, events, rate, seed, parallelism, stateBackend, input, skipBadRecords,
                    sideInput, q10OutputDir, configuration, collectResults, changelogDir, sql);
        }
    }
}
