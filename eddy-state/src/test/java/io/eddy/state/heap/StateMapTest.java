package io.eddy.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The open-addressing map against java.util.HashMap, with colliding hashes to stress probing and removal. */
class StateMapTest {
  record Entry(int key, String ns) {}

  @Test
  void agreesWithAHashMapUnderRandomPutsAndRemoves() {
    for (int seed = 0; seed < 20; seed++) {
      Random random = new Random(seed);
      StateMap<Integer, String, Long> map = new StateMap<>(new SnapshotVersions());
      Map<Entry, Long> model = new HashMap<>();
      int keySpace = 1 + random.nextInt(300);
      for (int op = 0; op < 20_000; op++) {
        int key = random.nextInt(keySpace);
        String ns = "w" + random.nextInt(3);
        int keyHash = seed % 2 == 0 ? key : key % 7; // odd seeds: heavy collisions
        int hash = StateMap.hash(keyHash, ns);
        Entry e = new Entry(key, ns);
        switch (random.nextInt(3)) {
          case 0 -> assertThat(map.remove(key, ns, hash)).isEqualTo(model.remove(e));
          default -> {
            long v = random.nextLong();
            map.put(key, ns, hash, v);
            model.put(e, v);
          }
        }
        int probe = random.nextInt(keySpace);
        String probeNs = "w" + random.nextInt(3);
        int probeHash = StateMap.hash(seed % 2 == 0 ? probe : probe % 7, probeNs);
        assertThat(map.get(probe, probeNs, probeHash)).isEqualTo(model.get(new Entry(probe, probeNs)));
      }
      assertThat(map.size()).isEqualTo(model.size());
      List<Integer> keys = new ArrayList<>();
      map.forEachKey("w1", keys::add);
      assertThat(keys).containsExactlyInAnyOrderElementsOf(
          model.keySet().stream().filter(e -> e.ns().equals("w1")).map(Entry::key).toList());
    }
  }
}
