package io.eddy.nexmark.result;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CSV rendering of results per docs/nexmark.md and the changelog applier's multiset semantics. */
class ResultTableTest {

    @Test
    void formatsValuesPerFormatMd() {
        Row row = Row.of(7L, 3, new BigDecimal("0.908").multiply(BigDecimal.valueOf(5)), 1e20,
                LocalDateTime.of(2015, 7, 15, 0, 0, 1, 5_000_000), LocalDate.of(2015, 7, 15), null, "", true);
        assertThat(CsvFormat.line(row)).isEqualTo("7,3,4.540,100000000000000000000,2015-07-15 00:00:01.005,2015-07-15,,,TRUE");
        assertThat(CsvFormat.value(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThatThrownBy(() -> CsvFormat.value(new Object())).hasMessageContaining("no CSV text");
    }

    @Test
    void quotesOnlyWhenNeeded() {
        assertThat(CsvFormat.line(Row.of("a b", "a,b", "say \"hi\"", "two\nlines", "cr\r"))).isEqualTo(
                "a b,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\"");
    }

    @Test
    void sortsRowsByTheirTextAndKeepsDuplicates() {
        ResultTable table = new ResultTable(List.of("k", "v"),
                List.of(Row.of(10L, "b"), Row.of(9L, "a"), Row.of(10L, "b"), Row.of(1L, null)));
        assertThat(table.csvText()).isEqualTo("k,v\n1,\n10,b\n10,b\n9,a\n");
        assertThatThrownBy(() -> new ResultTable(List.of("k"), List.of(Row.of(1L, 2L))))
                .hasMessageContaining("has 2 values for 1 columns");
    }

    @Test
    void writesTheFileWhole(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("q.csv");
        Files.writeString(out, "old");
        new ResultTable(List.of("a"), List.of(Row.of("x"))).writeCsv(out);
        assertThat(Files.readString(out)).isEqualTo("a\nx\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void changelogApplierKeepsTheFinalMultiset() {
        ChangelogApplier applier = new ChangelogApplier(List.of("k", "n"));
        applier.apply(RowKind.INSERT, Row.of(1L, 1L));
        applier.apply(RowKind.INSERT, Row.of(2L, 1L));
        applier.apply(RowKind.INSERT, Row.of(2L, 1L));
        applier.apply(RowKind.UPDATE_BEFORE, Row.of(1L, 1L));
        applier.apply(RowKind.UPDATE_AFTER, Row.of(1L, 2L));
        applier.apply(RowKind.DELETE, Row.of(2L, 1L));
        assertThat(applier.table().csvText()).isEqualTo("k,n\n1,2\n2,1\n");
        applier.apply(RowKind.DELETE, Row.of(2L, 1L));
        assertThatThrownBy(() -> applier.apply(RowKind.UPDATE_BEFORE, Row.of(2L, 1L)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("change #8 -U 2,1 retracts a row that is not in the table");
    }
}
