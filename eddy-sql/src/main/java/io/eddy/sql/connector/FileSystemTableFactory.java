package io.eddy.sql.connector;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.connectors.file.CsvFormat;
import io.eddy.connectors.file.FileSink;
import io.eddy.connectors.file.FileSource;
import io.eddy.sql.catalog.CatalogTable;
import io.eddy.sql.codegen.Values;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.types.LogicalType;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The 'filesystem' connector: reads a file or a folder of files as JSON lines ('format' =
 * 'json') or CSV ('csv', no header line), and writes a folder of part files exactly once through
 * Eddy's two-phase-commit FileSink (append only). Options as Flink's: 'path', 'format',
 * 'json.fail-on-missing-field', 'json.ignore-parse-errors' (skip bad lines),
 * 'json.timestamp-format.standard' ('SQL' or 'ISO-8601', both read), 'csv.field-delimiter',
 * 'csv.ignore-parse-errors', 'csv.null-literal' (a field equal to it is NULL; without it an
 * empty field is NULL unless its column is a string).
 */
public final class FileSystemTableFactory implements TableFactory {
  @Override
  public String identifier() {
    return "filesystem";
  }

  @Override
  public Set<String> options() {
    return Set.of("path", "format", "json.fail-on-missing-field", "json.ignore-parse-errors",
        "json.timestamp-format.standard", "csv.field-delimiter", "csv.ignore-parse-errors", "csv.null-literal");
  }

  @Override
  public TableSource createSource(CatalogTable table) {
    Path path = path(table);
    LogicalType rowType = table.physicalRowType();
    String format = format(table);
    boolean json = format.equals("json");
    boolean skipBad = Boolean.parseBoolean(table.option(json ? "json.ignore-parse-errors" : "csv.ignore-parse-errors", "false"));
    boolean failOnMissing = Boolean.parseBoolean(table.option("json.fail-on-missing-field", "false"));
    char delimiter = delimiter(table);
    String nullLiteral = table.option("csv.null-literal", null);
    return (StreamEnvironment env, String name) -> {
      FileSource<Row> source = json
          ? FileSource.jsonLines(path, new JsonRowParser(rowType, failOnMissing))
          : FileSource.csv(path, CsvFormat.DEFAULT.withDelimiter(delimiter), fields -> csvRow(fields, rowType, nullLiteral));
      if (skipBad) {
        source = source.skipBadRecords();
      }
      return env.fromSource(source, WatermarkStrategy.noWatermarks(), name);
    };
  }

  @Override
  public TableSink createSink(CatalogTable table) {
    Path path = path(table);
    LogicalType rowType = table.physicalRowType();
    boolean json = format(table).equals("json");
    char delimiter = delimiter(table);
    String nullLiteral = table.option("csv.null-literal", null);
    return new TableSink() {
      @Override
      public ChangelogMode acceptedChanges() {
        return ChangelogMode.insertOnly();
      }

      @Override
      public void consume(DataStream<Row> rows, String name) {
        if (json) {
          rows.map(row -> jsonObject(row, rowType)).sinkTo(FileSink.jsonLines(path)).name(name);
        } else {
          rows.sinkTo(FileSink.csv(path, CsvFormat.DEFAULT.withDelimiter(delimiter), FileSystemTableFactory::csvFields))
              .name(name);
        }
      }
    };
  }

  private static Path path(CatalogTable table) {
    String path = table.options().get("path");
    if (path == null) {
      throw new IllegalArgumentException("Table " + table.name() + ": the filesystem connector needs a 'path' option");
    }
    return path.startsWith("file:") ? Path.of(URI.create(path)) : Path.of(path);
  }

  private static String format(CatalogTable table) {
    String format = table.options().get("format");
    if (!"json".equals(format) && !"csv".equals(format)) {
      throw new IllegalArgumentException("Table " + table.name() + ": 'format' must be 'json' or 'csv', not "
          + (format == null ? "missing" : "'" + format + "'"));
    }
    return format;
  }

  private static char delimiter(CatalogTable table) {
    String d = table.option("csv.field-delimiter", ",");
    if (d.length() != 1) {
      throw new IllegalArgumentException("Table " + table.name() + ": 'csv.field-delimiter' must be one character");
    }
    return d.charAt(0);
  }

  /** {@code nullLiteral} null if the table sets none. */
  static Row csvRow(String[] fields, LogicalType rowType, String nullLiteral) {
    if (fields.length != rowType.fieldCount()) {
      throw new IllegalArgumentException("expected " + rowType.fieldCount() + " fields but found " + fields.length);
    }
    Object[] values = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      boolean isNull = nullLiteral != null ? fields[i].equals(nullLiteral)
          : fields[i].isEmpty() && !rowType.field(i).isString();
      values[i] = isNull ? null : Values.cast(fields[i], rowType.field(i));
    }
    return Row.wrap(RowKind.INSERT, values);
  }

  static Object[] csvFields(Row row) {
    Object[] fields = new Object[row.getArity()];
    for (int i = 0; i < fields.length; i++) {
      Object v = row.getField(i);
      fields[i] = v == null ? null : Values.text(v);
    }
    return fields;
  }

  static Map<String, Object> jsonObject(Row row, LogicalType rowType) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < row.getArity(); i++) {
      Object v = row.getField(i);
      LogicalType t = rowType.field(i);
      object.put(rowType.fieldNames().get(i), v instanceof Row nested ? jsonObject(nested, t)
          : v == null || v instanceof Number || v instanceof Boolean || v instanceof String ? v : Values.text(v));
    }
    return object;
  }
}
