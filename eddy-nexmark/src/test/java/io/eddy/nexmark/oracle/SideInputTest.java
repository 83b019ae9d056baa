package io.eddy.nexmark.oracle;

import io.eddy.nexmark.model.Bid;
import io.eddy.nexmark.model.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** q13's side input: the standard table, an injected one, and a file. */
class SideInputTest {

    private static final List<Event> BIDS = List.of(new Bid(10_007, 1, 5, "c", "u", 0, "e"),
            new Bid(3, 2, 6, "c", "u", 0, "e"));

    @Test
    void standardSideInputMapsKeyToItsDecimalText() {
        assertThat(SideInput.standard().valuesOf(9_999)).containsExactly("9999");
        assertThat(SideInput.standard().valuesOf(10_000)).isEmpty();
    }

    @Test
    void q13JoinsAGivenSideInputOncePerMatchingRow(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("side.csv");
        Files.writeString(file, "7,seven\n7,sept, with comma\n\n8,eight\n");
        assertThat(NexmarkOracle.run(13, BIDS, SideInput.readCsv(file)).csvText()).isEqualTo(
                "auction,bidder,price,dateTime,value\n"
                        + "10007,1,5,1970-01-01 00:00:00.000,\"sept, with comma\"\n"
                        + "10007,1,5,1970-01-01 00:00:00.000,seven\n");
        assertThat(NexmarkOracle.run(13, BIDS, SideInput.of(Map.of(3L, "three"))).rows()).hasSize(1);
        Files.writeString(file, "7,seven\nx,y\n");
        assertThatThrownBy(() -> SideInput.readCsv(file)).hasMessageEndingWith("side.csv:2: side input key is not a BIGINT: x,y");
    }
}
