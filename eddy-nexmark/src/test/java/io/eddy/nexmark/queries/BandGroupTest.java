package io.eddy.nexmark.queries;

import io.eddy.nexmark.result.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Copies of a group, by {@link BandGroup#SERIALIZER} (what the byte backends keep) and by Java
 * serialization (how the heap backend copies a value a running snapshot still reads), give the
 * same row (NULL key column included), and their packed sets hold the same ids, open or released.
 */
class BandGroupTest {

    @Test
    void aSerializedCopyHasTheSameRowAndSets() throws Exception {
        BandGroup group = sample();
        assertSameGroup(viaSerializer(group), group);
    }

    @Test
    void aJavaSerializedCopyHasTheSameRowAndSets() throws Exception {
        BandGroup group = sample();
        group.row(); // built, so the copy must rebuild its own (the row is not written)
        assertSameGroup(viaJavaSerialization(group), group);
    }

    private static BandGroup sample() {
        BandGroup group = new BandGroup(new Object[] {null, "2015-07-15"}, 61);
        group.seeMinute(754);
        group.increment(BandGroup.BIDS, DistinctBands.bitsOf(2));
        for (long id = -40; id < 600; id += 3) {
            group.bidders.put(id, DistinctBands.bitsOf(1 + (int) Math.floorMod(id, 3)));
        }
        group.increment(BandGroup.BIDDERS, 1);
        group.auctions.release();
        return group;
    }

    private static void assertSameGroup(BandGroup copy, BandGroup group) {
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

    private static BandGroup viaSerializer(BandGroup group) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BandGroup.SERIALIZER.serialize(group, new DataOutputStream(bytes));
        return BandGroup.SERIALIZER.deserialize(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    private static BandGroup viaJavaSerialization(BandGroup group) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(group);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (BandGroup) in.readObject();
        }
    }
}
