package io.eddy.nexmark.queries;

import io.eddy.nexmark.result.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BandGroup#SERIALIZER}, the form the byte backends keep: a copy gives the same row
 * (NULL key column included) and its packed sets hold the same ids, open or released.
 */
class BandGroupTest {

    @Test
    void aSerializedCopyHasTheSameRowAndSets() throws Exception {
        BandGroup group = new BandGroup(new Object[] {null, "2015-07-15"}, 61);
        group.seeMinute(754);
        group.increment(BandGroup.BIDS, DistinctBands.bitsOf(2));
        for (long id = -40; id < 600; id += 3) {
            group.bidders.put(id, DistinctBands.bitsOf(1 + (int) Math.floorMod(id, 3)));
        }
        group.increment(BandGroup.BIDDERS, 1);
        group.auctions.release();

        BandGroup copy = copyOf(group);

        Row row = copy.row();
        assertThat(row).isEqualTo(group.row());
        assertThat(row.get(0)).isNull();
        assertThat(row.get(2)).isEqualTo("12:34");
        assertThat(copy.bidders.size()).isEqualTo(group.bidders.size());
        for (long id = -41; id < 600; id++) {
            assertThat(copy.bidders.bitsOf(id)).as("id %d", id).isEqualTo(group.bidders.bitsOf(id));
        }
        assertThat(copy.auctions.isOpen()).isFalse();
    }

    private static BandGroup copyOf(BandGroup group) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BandGroup.SERIALIZER.serialize(group, new DataOutputStream(bytes));
        return BandGroup.SERIALIZER.deserialize(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }
}
