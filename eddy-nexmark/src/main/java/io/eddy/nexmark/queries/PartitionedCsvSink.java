package io.eddy.nexmark.queries;

import io.eddy.api.connector.Committer;
import io.eddy.api.connector.TwoPhaseCommittingSink;
import io.eddy.nexmark.result.CsvFormat;
import io.eddy.nexmark.result.Row;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * q10's Hive-style partitioned CSV sink: an append-only row {@code (c0..c[k-1], dt, hm)} goes,
 * as the CSV line of c0..c[k-1], to a part file under {@code <dir>/dt=<dt>/hm=<hm>/}
 * (e.g. {@code dt=2015-07-15/hm=00:01/part-0-3f2a9c1e.csv}).
 *
 * <p>Exactly once, by two-phase commit: a writer stages rows in hidden {@code .part-*.inprogress}
 * files, one per partition it touched since the last checkpoint; at a checkpoint (and at the
 * end of input) it closes them and hands them over, and the committer moves each into place
 * once the checkpoint is complete. A move is skipped when already done, so committing again
 * after a recovery is harmless; rows replayed after a failure go to new files, and the staged
 * files of the failed attempt stay hidden. Writers run on their task threads.
 */
final class PartitionedCsvSink implements TwoPhaseCommittingSink<Change, PartitionedCsvSink.PartFile> {

    private static final long serialVersionUID = 1L;
    private static final String[] PARTITION_NAMES = {"dt", "hm"};

    /** A closed staged file and where it goes when committed. */
    record PartFile(String staged, String target) implements Serializable {
    }

    private final String dir;
    private final int dataColumns;

    /** @param dataColumns how many leading columns are data; the rest are partition values (dt, hm) */
    PartitionedCsvSink(Path dir, int dataColumns) {
        this.dir = dir.toString();
        this.dataColumns = dataColumns;
    }

    @Override
    public PrecommittingWriter<Change, PartFile> createWriter(WriterInitContext context) {
        return new PartitionWriter(Path.of(dir), dataColumns, "part-" + context.subtaskIndex() + "-");
    }

    @Override
    public Committer<PartFile> createCommitter() {
        return parts -> {
            for (PartFile part : parts) {
                Path staged = Path.of(part.staged());
                if (Files.exists(staged)) {
                    Files.move(staged, Path.of(part.target()), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            }
        };
    }

    /** A staged file: its final name and its open writer (the file is "." + name + ".inprogress"). */
    private record Staged(String name, Writer out) {
    }

    /** One subtask's staged files, by partition folder. */
    private static final class PartitionWriter implements PrecommittingWriter<Change, PartFile> {
        private final Path dir;
        private final int dataColumns;
        private final String prefix;
        /** The staged file of each partition folder touched since the last checkpoint. */
        private final Map<Path, Staged> open = new HashMap<>();

        PartitionWriter(Path dir, int dataColumns, String prefix) {
            this.dir = dir;
            this.dataColumns = dataColumns;
            this.prefix = prefix;
        }

        @Override
        public void write(Change change, Context context) throws IOException {
            Row row = change.row();
            Path folder = dir;
            Object[] data = new Object[dataColumns];
            for (int i = 0; i < row.arity(); i++) {
                if (i < dataColumns) {
                    data[i] = row.get(i);
                } else {
                    folder = folder.resolve(PARTITION_NAMES[i - dataColumns] + "=" + CsvFormat.value(row.get(i)));
                }
            }
            Staged staged = open.get(folder);
            if (staged == null) {
                Files.createDirectories(folder);
                String name = prefix + UUID.randomUUID().toString().substring(0, 8) + ".csv";
                staged = new Staged(name, Files.newBufferedWriter(folder.resolve("." + name + ".inprogress"),
                        StandardCharsets.UTF_8));
                open.put(folder, staged);
            }
            staged.out().write(CsvFormat.line(Row.of(data)));
            staged.out().write('\n');
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            for (Staged staged : open.values()) {
                staged.out().flush();
            }
        }

        @Override
        public List<PartFile> prepareCommit(long checkpointId) throws IOException {
            List<PartFile> parts = new ArrayList<>();
            for (Map.Entry<Path, Staged> e : open.entrySet()) {
                String name = e.getValue().name();
                e.getValue().out().close();
                parts.add(new PartFile(e.getKey().resolve("." + name + ".inprogress").toString(),
                        e.getKey().resolve(name).toString()));
            }
            open.clear();
            return parts;
        }

        @Override
        public void close() {
            for (Staged staged : open.values()) {
                try {
                    staged.out().close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
