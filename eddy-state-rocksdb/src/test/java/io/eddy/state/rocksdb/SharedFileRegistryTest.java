package io.eddy.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reference counting of uploaded files, without any file system. */
class SharedFileRegistryTest {
  static CheckpointFile sst(String name) {
    return new CheckpointFile(name, "/shared/" + name, 1, 0, true);
  }

  static CheckpointFile exclusive(long id) {
    return new CheckpointFile("MANIFEST", "/chk-" + id + "/MANIFEST", 1, 0, false);
  }

  /** A checkpoint referencing these SSTs, persisted: unknown ones uploaded by this store. */
  static void persisted(SharedFileRegistry registry, long id, String... ssts) {
    registry.snapshotTaken(id, Set.of(ssts));
    for (String name : ssts) {
      if (registry.uploaded(name) == null) {
        registry.uploadedByThisStore(sst(name));
      }
    }
    assertThat(registry.exclusiveUploaded(id, exclusive(id))).isTrue();
  }

  @Test
  void sharedFilesLiveAsLongAsARetainedCheckpointReferencesThem() {
    SharedFileRegistry registry = new SharedFileRegistry(2);
    persisted(registry, 1, "a", "b");
    assertThat(registry.completed(1)).isEmpty();
    persisted(registry, 2, "b", "c");
    assertThat(registry.completed(2)).isEmpty();
    persisted(registry, 3, "c", "d");
    assertThat(registry.completed(3)).containsExactlyInAnyOrder("/chk-1/MANIFEST", "/shared/a");
    assertThat(registry.uploaded("b")).isNotNull();
    assertThat(registry.uploaded("a")).isNull();
  }

  @Test
  void pendingNewerCheckpointsProtectTheirFilesAndOlderUncompletedOnesAreDropped() {
    SharedFileRegistry registry = new SharedFileRegistry(1);
    persisted(registry, 1, "a");
    persisted(registry, 2, "b");
    persisted(registry, 3, "c");
    assertThat(registry.completed(2)).containsExactlyInAnyOrder("/chk-1/MANIFEST", "/shared/a");
    assertThat(registry.uploaded("c")).isNotNull();
    assertThat(registry.exclusiveUploaded(1, exclusive(1))).as("dropped").isFalse();
    assertThat(registry.completed(3)).containsExactlyInAnyOrder("/chk-2/MANIFEST", "/shared/b");
  }

  @Test
  void restoredFilesAreForgottenButNeverDeleted() {
    SharedFileRegistry registry = new SharedFileRegistry(1);
    registry.restored(sst("old"));
    persisted(registry, 1, "old", "new");
    assertThat(registry.completed(1)).isEmpty();
    assertThat(registry.uploaded("old").path()).isEqualTo("/shared/old");
    persisted(registry, 2, "new");
    assertThat(registry.completed(2)).containsExactly("/chk-1/MANIFEST");
    assertThat(registry.uploaded("old")).isNull();
  }

  @Test
  void completingAnUnknownCheckpointDropsOlderPendingOnes() {
    SharedFileRegistry registry = new SharedFileRegistry(1);
    persisted(registry, 1, "a");
    assertThat(registry.completed(5)).containsExactlyInAnyOrder("/chk-1/MANIFEST", "/shared/a");
  }
}
