package io.eddy.nexmark.job;

import io.eddy.nexmark.queries.Change;
import io.eddy.nexmark.result.ChangelogApplier;
import io.eddy.nexmark.result.Row;
import io.eddy.nexmark.result.RowKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The durable changelog: encoding round trip, folding against the in-memory applier, folder rules. */
class ChangelogFilesTest {

    private static final List<String> COLUMNS = List.of("id", "name", "price", "at");

    @TempDir
    Path dir;

    private static final Row A = Row.of(1L, "plain", new BigDecimal("4.540"), LocalDateTime.of(2015, 7, 15, 0, 0, 1));
    private static final Row B = Row.of(2L, "comma, \"quote\"\nline\r\\back", null, null);
    private static final Row C = Row.of(3L, "", 1.5, null);

    private static final List<Change> CHANGES = List.of(
            new Change(RowKind.INSERT, A), new Change(RowKind.INSERT, B), new Change(RowKind.INSERT, B),
            new Change(RowKind.UPDATE_BEFORE, A), new Change(RowKind.UPDATE_AFTER, C),
            new Change(RowKind.DELETE, B), new Change(RowKind.INSERT, A));

    private void writePart(String name, List<Change> changes) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (Change c : changes) {
            sb.append(ChangelogFiles.encode(c)).append('\n');
        }
        Files.writeString(dir.resolve(name), sb, StandardCharsets.UTF_8);
    }

    @Test
    void foldingTheFilesGivesTheAppliersTableInAnyFileOrder() throws Exception {
        ChangelogFiles.prepare(dir, false, false);
        // Retractions in an earlier-sorting file than their inserts: folding does not depend on order.
        writePart("part-0-a-0.changes", CHANGES.subList(3, CHANGES.size()));
        writePart("part-1-b-0.changes", CHANGES.subList(0, 3));
        Files.writeString(dir.resolve(".part-0-a-1.changes.inprogress"), "+I,9,never,,\n"); // not committed

        ChangelogApplier applier = new ChangelogApplier(COLUMNS);
        CHANGES.forEach(c -> applier.apply(c.kind(), c.row()));
        ChangelogFiles.Folded folded = ChangelogFiles.fold(dir, COLUMNS);

        assertThat(folded.changes()).isEqualTo(CHANGES.size());
        assertThat(folded.table().rows()).hasSize(3);
        assertThat(folded.table().csvText()).isEqualTo(applier.table().csvText());
    }

    @Test
    void aRowRetractedMoreOftenThanInsertedFails() throws Exception {
        ChangelogFiles.prepare(dir, false, false);
        writePart("part-0-a-0.changes", List.of(new Change(RowKind.INSERT, A), new Change(RowKind.DELETE, A),
                new Change(RowKind.DELETE, A)));
        assertThatThrownBy(() -> ChangelogFiles.fold(dir, COLUMNS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1,plain,4.540").hasMessageContaining("retracted 1 more times");
    }

    @Test
    void aFreshRunEmptiesTheFolderAndAResumeKeepsIt() throws Exception {
        ChangelogFiles.prepare(dir, false, false);
        writePart("part-0-a-0.changes", CHANGES);
        ChangelogFiles.prepare(dir, true, true);
        assertThat(ChangelogFiles.fold(dir, COLUMNS).changes()).isEqualTo(CHANGES.size());
        ChangelogFiles.prepare(dir, false, true);
        assertThat(ChangelogFiles.fold(dir, COLUMNS).changes()).isZero();
        assertThat(dir.resolve(ChangelogFiles.MARKER)).exists();
    }

    @Test
    void aResumeWithoutTheEarlierRunsChangelogIsRefused() {
        Path none = dir.resolve("none");
        assertThatThrownBy(() -> ChangelogFiles.prepare(none, true, true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(none.toString()).hasMessageContaining("holds no changelog");
    }
}
