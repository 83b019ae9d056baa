package io.eddy.nexmark.queries;

import io.eddy.api.connector.Sink;
import io.eddy.api.connector.SinkWriter;
import io.eddy.nexmark.result.CsvFormat;
import io.eddy.nexmark.result.Row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * q10's Hive-style partitioned CSV sink: an append-only row {@code (c0..c[k-1], dt, hm)} goes,
 * as the CSV line of c0..c[k-1], to {@code <dir>/dt=<dt>/hm=<hm>/part-<subtask>.csv}
 * (e.g. {@code dt=2015-07-15/hm=00:01}). Each file is written under
 * a hidden {@code .inprogress} name and moved into place at the end of input, so a file appears
 * complete or not at all. No checkpoint commit yet. Writers are per subtask, on its task thread.
 */
final class PartitionedCsvSink implements Sink<Change> {

    private static final long serialVersionUID = 1L;
    private static final String[] PARTITION_NAMES = {"dt", "hm"};

    private final String dir;
    private final int dataColumns;

    /** @param dataColumns how many leading columns are data; the rest are partition values (dt, hm) */
    PartitionedCsvSink(Path dir, int dataColumns) {
        this.dir = dir.toString();
        this.dataColumns = dataColumns;
    }

    @Override
    public SinkWriter<Change> createWriter(WriterInitContext context) {
        return new PartitionWriter(Path.of(dir), dataColumns, "part-" + context.subtaskIndex() + ".csv");
    }

    /** One subtask's open part files, by partition folder. */
    private static final class PartitionWriter implements SinkWriter<Change> {
        private final Path dir;
        private final int dataColumns;
        private final String fileName;
        private final Map<Path, Writer> open = new HashMap<>();

        PartitionWriter(Path dir, int dataColumns, String fileName) {
            this.dir = dir;
            this.dataColumns = dataColumns;
            this.fileName = fileName;
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
            Writer out = open.get(folder);
            if (out == null) {
                Files.createDirectories(folder);
                out = Files.newBufferedWriter(folder.resolve("." + fileName + ".inprogress"), StandardCharsets.UTF_8);
                open.put(folder, out);
            }
            out.write(CsvFormat.line(Row.of(data)));
            out.write('\n');
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            for (Writer out : open.values()) {
                out.flush();
            }
            if (endOfInput) {
                for (Map.Entry<Path, Writer> e : open.entrySet()) {
                    e.getValue().close();
                    Files.move(e.getKey().resolve("." + fileName + ".inprogress"), e.getKey().resolve(fileName),
                            StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                open.clear();
            }
        }

        @Override
        public void close() {
            for (Writer out : open.values()) {
                try {
                    out.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
