package io.eddy.bench.flink;

import io.eddy.nexmark.generator.NexmarkConfig;
import io.eddy.nexmark.generator.NexmarkGenerator;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.oracle.NexmarkOracle;
import io.eddy.nexmark.result.CsvFormat;
import io.eddy.nexmark.result.ResultTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;

/**
 * Checks that Flink computes what Eddy's reference oracle computes over the same events: for a
 * small event count, collects each query's changelog from Flink, applies it (inserts and
 * update-afters added, retractions removed; an upsert log, update-afters without
 * update-befores as Flink 2.3 writes q9's top-1, keeps the last row per first column), renders
 * every final row as the CSV line Eddy writes ({@code io.eddy.nexmark.result.CsvFormat}) and
 * compares the sorted lines with the oracle's, row by row. Prints the first differing rows.
 * Not a benchmark.
 */
final class Verify {

    private static final int SHOWN_DIFFERENCES = 5;

    private Verify() {
    }

    static boolean run(FlinkNexmark.Options o) throws Exception {
        NexmarkGenerator generator = new NexmarkGenerator(
                NexmarkConfig.builder().seed(o.seed()).eventsPerSecond(o.rate()).build());
        List<Event> events = new ArrayList<>();
        generator.events(0, o.events()).forEachRemaining(events::add);
        boolean ok = true;
        for (String q : o.queries()) {
            if (q.equals("q6") || q.equals("q12")) {
                System.out.println("verify query=" + q + " skipped ("
                        + (q.equals("q6") ? "unsupported on Flink" : "processing time") + ")");
                continue;
            }
            String sql = FlinkNexmark.readQuery(o.queriesDir().resolve(q + ".sql"));
            StreamTableEnvironment tEnv = FlinkNexmark.tableEnvironment(o, false);
            TableResult result = tEnv.executeSql(sql);
            Map<String, Integer> table = new HashMap<>();
            Map<String, String> upsert = new HashMap<>();
            long changes = 0;
            Map<RowKind, Long> kinds = new EnumMap<>(RowKind.class);
            try (CloseableIterator<Row> it = result.collect()) {
                while (it.hasNext()) {
                    Row r = it.next();
                    changes++;
                    RowKind kind = r.getKind();
                    kinds.merge(kind, 1L, Long::sum);
                    String line = csvLine(r);
                    String key = CsvFormat.value(r.getField(0));
                    if (kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER) {
                        upsert.put(key, line);
                        table.merge(line, 1, Integer::sum);
                    } else {
                        upsert.remove(key);
                        table.computeIfPresent(line, (k, n) -> n == 1 ? null : n - 1);
                    }
                }
            }
            boolean upsertLog = kinds.getOrDefault(RowKind.UPDATE_AFTER, 0L) > kinds.getOrDefault(RowKind.UPDATE_BEFORE, 0L);
            List<String> flinkRows = new ArrayList<>();
            if (upsertLog) {
                flinkRows.addAll(upsert.values());
            } else {
                table.forEach((line, n) -> flinkRows.addAll(Collections.nCopies(n, line)));
            }
            flinkRows.sort(null);
            ResultTable oracle = NexmarkOracle.run(Integer.parseInt(q.substring(1)), events);
            List<String> oracleRows = oracle.csvLines().subList(1, oracle.csvLines().size());
            boolean same = !oracleRows.isEmpty() && flinkRows.equals(oracleRows);
            ok &= same;
            System.out.printf("verify query=%s events=%d flink_changes=%d %s%s flink_rows=%d oracle_rows=%d %s%n",
                    q, o.events(), changes, kinds, upsertLog ? " (upsert on column 1)" : "", flinkRows.size(),
                    oracleRows.size(), same ? "OK (same rows)" : oracleRows.isEmpty() ? "EMPTY ORACLE" : "MISMATCH");
            if (!same) {
                printDifferences(flinkRows, oracleRows);
            }
        }
        return ok;
    }

    private static String csvLine(Row r) {
        Object[] values = new Object[r.getArity()];
        for (int i = 0; i < values.length; i++) {
            values[i] = r.getField(i);
        }
        return CsvFormat.line(io.eddy.nexmark.result.Row.of(values));
    }

    private static void printDifferences(List<String> flink, List<String> oracle) {
        List<String> onlyFlink = new ArrayList<>(flink);
        oracle.forEach(onlyFlink::remove);
        List<String> onlyOracle = new ArrayList<>(oracle);
        flink.forEach(onlyOracle::remove);
        onlyFlink.stream().limit(SHOWN_DIFFERENCES).forEach(l -> System.out.println("  only in flink:  " + l));
        onlyOracle.stream().limit(SHOWN_DIFFERENCES).forEach(l -> System.out.println("  only in oracle: " + l));
    }
}
