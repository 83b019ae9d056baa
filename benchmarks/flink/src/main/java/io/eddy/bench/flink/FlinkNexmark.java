package io.eddy.bench.flink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.table.types.utils.TypeConversions;
import org.apache.flink.types.Row;

/**
 * Runs the Nexmark queries of {@code eddy-nexmark/src/main/resources/io/eddy/nexmark/sql/qN.sql} on Apache Flink
 * (local MiniCluster, hashmap state backend) over Eddy's generated events, each into a
 * blackhole sink, and prints one line per query:
 * {@code flink query=qN parallelism=P events=N seconds=S events_per_second=R job_seconds=J cpu_seconds=C}.
 *
 * <p>{@code seconds} is wall time from the INSERT's submission ({@code executeSql}, which also
 * plans the query and starts the local MiniCluster) until the bounded job has finished;
 * {@code job_seconds} is Flink's own net run time of the job (JobMaster, from start to finish);
 * {@code cpu_seconds} is the CPU time this JVM (MiniCluster included) spent over {@code seconds},
 * a figure less sensitive than wall time to other processes on a shared machine.
 */
public final class FlinkNexmark {

    /** The queries in the repository (run.sh runs from anywhere; the harness sits two levels below the root). */
    private static final String DEFAULT_QUERIES_DIR = "../../eddy-nexmark/src/main/resources/io/eddy/nexmark/sql";

    private FlinkNexmark() {
    }

    record Options(List<String> queries, long events, int parallelism, Path queriesDir, long seed,
                   double rate, Map<String, String> conf, boolean verify) {
    }

    record Result(String query, String status, double seconds, double jobSeconds, double cpuSeconds) {
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        if (o.verify()) {
            System.exit(Verify.run(o) ? 0 : 1);
        }
        List<Result> results = new ArrayList<>();
        for (String q : o.queries()) {
            Result r = runOne(q, o);
            results.add(r);
            System.out.println(line(r, o));
            System.out.flush();
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "| query | parallelism | events | seconds | events/s | job seconds | cpu seconds |%n");
        System.out.printf(Locale.ROOT, "|---|---|---|---|---|---|---|%n");
        for (Result r : results) {
            if (r.status() == null) {
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %.2f | %,.0f | %.2f | %.2f |%n", r.query(),
                        o.parallelism(), o.events(), r.seconds(), o.events() / r.seconds(), r.jobSeconds(),
                        r.cpuSeconds());
            } else {
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %s | | | |%n", r.query(), o.parallelism(),
                        o.events(), r.status());
            }
        }
        boolean failed = results.stream().anyMatch(r -> r.status() != null && r.status().startsWith("failed"));
        System.exit(failed ? 1 : 0);
    }

    static String line(Result r, Options o) {
        String head = String.format(Locale.ROOT, "flink query=%s parallelism=%d events=%d", r.query(),
                o.parallelism(), o.events());
        if (r.status() != null) {
            return head + " " + r.status();
        }
        return head + String.format(Locale.ROOT, " seconds=%.3f events_per_second=%.0f job_seconds=%.3f cpu_seconds=%.3f",
                r.seconds(), o.events() / r.seconds(), r.jobSeconds(), r.cpuSeconds());
    }

    static Result runOne(String query, Options o) {
        String sql;
        try {
            sql = readQuery(o.queriesDir().resolve(query + ".sql"));
        } catch (IOException e) {
            return new Result(query, "failed: cannot read " + query + ".sql: " + e.getMessage(), 0, 0, 0);
        }
        StreamTableEnvironment tEnv = tableEnvironment(o, query.equals("q12"));
        if (query.equals("q6")) {
            // Flink SQL cannot run q6 (OVER window on an updating input). Plan it only, to report why.
            try {
                tEnv.explainSql(sql);
                return new Result(query, "unsupported (by the brief; Flink planned it nonetheless)", 0, 0, 0);
            } catch (Exception e) {
                return new Result(query, "unsupported: " + firstLine(e), 0, 0, 0);
            }
        }
        try {
            Table table = tEnv.sqlQuery(sql);
            tEnv.createTemporaryTable("sink", TableDescriptor.forConnector("blackhole")
                    .schema(sinkSchema(table.getResolvedSchema())).build());
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            TableResult result = tEnv.executeSql("INSERT INTO sink " + sql);
            JobClient client = result.getJobClient().orElseThrow();
            JobExecutionResult done = client.getJobExecutionResult().get();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            return new Result(query, null, seconds, done.getNetRuntime() / 1000.0, cpu);
        } catch (Exception e) {
            e.printStackTrace();
            return new Result(query, "failed: " + firstLine(e), 0, 0, 0);
        }
    }

    /** CPU time of this whole JVM (MiniCluster, tasks, JIT, GC), or -1 if unavailable. */
    static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * The table settings of the Nexmark project's reference configuration (nexmark-flink
     * {@code conf/sql-client-defaults.yaml}): mini-batch aggregation (2 s, 5,000 rows) and the
     * split of distinct aggregates. Set on the environment's configuration, which the table
     * planner reads; {@code --conf key=value} overrides each.
     */
    static final Map<String, String> REFERENCE_SETTINGS = Map.of(
            "table.exec.mini-batch.enabled", "true",
            "table.exec.mini-batch.allow-latency", "2s",
            "table.exec.mini-batch.size", "5000",
            "table.optimizer.distinct-agg.split.enabled", "true");

    static StreamTableEnvironment tableEnvironment(Options o, boolean withProcTime) {
        Configuration conf = new Configuration();
        conf.setString("execution.runtime-mode", "STREAMING");
        conf.setString("state.backend.type", "hashmap");
        conf.setString("pipeline.object-reuse", "true");
        REFERENCE_SETTINGS.forEach(conf::setString);
        o.conf().forEach(conf::setString);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(o.parallelism(), conf);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);

        DataGeneratorSource<RowData> source = new DataGeneratorSource<>(
                new NexmarkRows.Generate(o.seed(), o.rate()), o.events(), RateLimiterStrategy.noOp(),
                InternalTypeInfo.of(NexmarkRows.rowType()));
        DataStream<RowData> events = env.fromSource(source, WatermarkStrategy.noWatermarks(), "nexmark");
        Schema.Builder schema = Schema.newBuilder()
                .column("event_type", DataTypes.INT())
                .column("person", NexmarkRows.PERSON)
                .column("auction", NexmarkRows.AUCTION)
                .column("bid", NexmarkRows.BID)
                .columnByExpression("dateTime", "CASE WHEN event_type = 0 THEN person.`dateTime` "
                        + "WHEN event_type = 1 THEN auction.`dateTime` ELSE bid.`dateTime` END");
        if (withProcTime) {
            schema.columnByExpression("p_time", "PROCTIME()");
        }
        schema.watermark("dateTime", "`dateTime` - INTERVAL '4' SECOND");
        tEnv.createTemporaryView("datagen", tEnv.fromDataStream(events, schema.build()));

        tEnv.executeSql("CREATE TEMPORARY VIEW person AS SELECT person.id, person.name, person.emailAddress, "
                + "person.creditCard, person.city, person.state, `dateTime`, person.extra "
                + "FROM datagen WHERE event_type = 0");
        tEnv.executeSql("CREATE TEMPORARY VIEW auction AS SELECT auction.id, auction.itemName, "
                + "auction.description, auction.initialBid, auction.reserve, `dateTime`, auction.expires, "
                + "auction.seller, auction.category, auction.extra FROM datagen WHERE event_type = 1");
        tEnv.executeSql("CREATE TEMPORARY VIEW bid AS SELECT bid.auction, bid.bidder, bid.price, bid.channel, "
                + "bid.url, `dateTime`, bid.extra" + (withProcTime ? ", p_time" : "")
                + " FROM datagen WHERE event_type = 2");

        // q13's side input: rows (i, 'i') for i in [0, 10000).
        List<Row> side = new ArrayList<>(10_000);
        for (long i = 0; i < 10_000; i++) {
            side.add(Row.of(i, Long.toString(i)));
        }
        DataStream<Row> sideStream = env.fromData(side, Types.ROW_NAMED(
                new String[] {"key", "value"}, Types.LONG, Types.STRING));
        tEnv.createTemporaryView("side_input", tEnv.fromDataStream(sideStream));

        tEnv.createTemporarySystemFunction("count_char", CountChar.class);
        return tEnv;
    }

    /** The query's columns without time-attribute markers (a sink column is a plain value). */
    static Schema sinkSchema(ResolvedSchema resolved) {
        Schema.Builder b = Schema.newBuilder();
        for (Column c : resolved.getColumns()) {
            LogicalType t = c.getDataType().getLogicalType();
            if (t instanceof TimestampType ts) {
                t = new TimestampType(ts.isNullable(), ts.getPrecision());
            } else if (t instanceof LocalZonedTimestampType lz) {
                t = new LocalZonedTimestampType(lz.isNullable(), lz.getPrecision());
            }
            b.column(c.getName(), TypeConversions.fromLogicalToDataType(t));
        }
        return b.build();
    }

    /** The query text without comments and the trailing semicolon. */
    static String readQuery(Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            int c = line.indexOf("--");
            String code = c >= 0 ? line.substring(0, c) : line;
            if (!code.isBlank()) {
                sb.append(code).append('\n');
            }
        }
        String sql = sb.toString().trim();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).trim();
        }
        return sql;
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        String msg = String.valueOf(e.getMessage());
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && root.getMessage() != null) {
            msg = msg.split("\n")[0] + " <- " + root.getMessage();
        }
        return msg.replace('\n', ' ').replaceAll("\\s+", " ");
    }

    static Options parse(String[] args) {
        List<String> queries = new ArrayList<>();
        long events = 1_000_000;
        int parallelism = 1;
        Path dir = Path.of(System.getenv().getOrDefault("NEXMARK_QUERIES", DEFAULT_QUERIES_DIR));
        long seed = 0;
        double rate = 10_000;
        Map<String, String> conf = new LinkedHashMap<>();
        boolean verify = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--queries", "--query" -> {
                    for (String q : v.split(",")) {
                        if (q.equals("all")) {
                            for (int n = 0; n <= 22; n++) {
                                queries.add("q" + n);
                            }
                        } else if (!q.isBlank()) {
                            queries.add(q.trim());
                        }
                    }
                    i++;
                }
                case "--events" -> {
                    events = Long.parseLong(v.replace("_", ""));
                    i++;
                }
                case "--parallelism" -> {
                    parallelism = Integer.parseInt(v);
                    i++;
                }
                case "--queries-dir" -> {
                    dir = Path.of(v);
                    i++;
                }
                case "--seed" -> {
                    seed = Long.parseLong(v);
                    i++;
                }
                case "--rate" -> {
                    rate = Double.parseDouble(v);
                    i++;
                }
                case "--verify" -> verify = true;
                case "--conf" -> {
                    int eq = v.indexOf('=');
                    conf.put(v.substring(0, eq), v.substring(eq + 1));
                    i++;
                }
                default -> throw new IllegalArgumentException("unknown argument: " + a
                        + " (use --queries q0,q1|all --events N --parallelism P [--queries-dir D]"
                        + " [--seed S] [--rate R] [--conf key=value] [--verify])");
            }
        }
        if (queries.isEmpty()) {
            queries.add("q0");
        }
        return new Options(queries, events, parallelism, dir, seed, rate, conf, verify);
    }
}
