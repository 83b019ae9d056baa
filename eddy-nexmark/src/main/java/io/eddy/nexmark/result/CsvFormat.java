package io.eddy.nexmark.result;

import io.eddy.nexmark.model.Timestamps;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The CSV text of result values (docs/nexmark.md, Output): integers plain; DECIMAL and DOUBLE in
 * plain decimal without exponent (a DECIMAL keeps its scale: 0.908 * 5 is {@code 4.540});
 * timestamps {@code yyyy-MM-dd HH:mm:ss.SSS}; dates {@code yyyy-MM-dd}; NULL an empty field.
 * A field is quoted per RFC 4180 only when it contains ',', '"', CR or LF.
 *
 * <p>Stateless and thread-safe.
 */
public final class CsvFormat {

    private CsvFormat() {
    }

    /** The fields of a row joined by ','. */
    public static String line(Row row) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < row.arity(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(value(row.get(i))));
        }
        return sb.toString();
    }

    /**
     * The fields of a line {@link #line} wrote, unquoted: the inverse of {@code line} for rows
     * of text, so {@code line(Row.of(fields(l).toArray()))} is {@code l} again (a NULL comes back
     * as an empty string, which prints the same).
     *
     * @throws IllegalArgumentException if the line is not RFC 4180 as {@code line} writes it
     */
    public static java.util.List<String> fields(String line) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                int end = i + 1;
                while (true) {
                    int quote = line.indexOf('"', end);
                    if (quote < 0) {
                        throw new IllegalArgumentException("unclosed quote at column " + (i + 1) + ": " + line);
                    }
                    field.append(line, end, quote);
                    if (quote + 1 < line.length() && line.charAt(quote + 1) == '"') {
                        field.append('"');
                        end = quote + 2;
                    } else {
                        i = quote + 1;
                        break;
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("text after a closing quote at column " + (i + 1) + ": " + line);
                }
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? line.length() : comma;
                field.append(line, i, end);
                i = end;
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            i++; // the comma
        }
    }

    /** The header line of these column names. */
    public static String header(Iterable<String> columns) {
        StringBuilder sb = new StringBuilder();
        for (String c : columns) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(quote(c));
        }
        return sb.toString();
    }

    /** The unquoted text of one value. */
    public static String value(Object v) {
        return switch (v) {
            case null -> "";
            case String s -> s;
            case Long l -> Long.toString(l);
            case Integer i -> Integer.toString(i);
            case BigDecimal d -> d.toPlainString();
            case Double d -> BigDecimal.valueOf(d).toPlainString();
            case Boolean b -> b ? "TRUE" : "FALSE";
            case LocalDateTime t -> Timestamps.format(t.toInstant(ZoneOffset.UTC).toEpochMilli());
            case LocalDate d -> d.toString();
            default -> throw new IllegalArgumentException("no CSV text for " + v.getClass().getName() + ": " + v);
        };
    }

    /** The field as RFC 4180 wants it: quoted, with '"' doubled, only if needed. */
    public static String quote(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + field.replace("\"", "\"\"") + '"';
            }
        }
        return field;
    }
}
