package io.eddy.fs.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.fs.FileOutput;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Files larger than one part go up as multipart uploads: invisible until completed, aborted cleanly. */
final class S3MultipartTest extends S3ServerTest {
  private static final int PART = S3Settings.MIN_PART_SIZE;
  private S3FileSystem fs;

  @BeforeEach
  void newFileSystem() {
    fs = new S3FileSystem(server.settings().partSize(PART).build(), bucket);
  }

  @AfterEach
  void closeFs() {
    fs.close();
  }

  private static byte[] random(int size) {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    return data;
  }

  /** Writes in uneven slices, so part boundaries fall inside writes. */
  private static void writeSliced(FileOutput out, byte[] data) throws IOException {
    int slice = (1 << 20) + 123;
    for (int off = 0; off < data.length; off += slice) {
      out.write(data, off, Math.min(slice, data.length - off));
    }
  }

  private int uploadsInProgress() {
    return server.client().listMultipartUploads(r -> r.bucket(bucket)).uploads().size();
  }

  private String eTag(String key) {
    return server.client().headObject(r -> r.bucket(bucket).key(key)).eTag();
  }

  @Test
  void aLargeFileGoesUpInPartsAndAppearsWholeAtClose() throws IOException {
    byte[] data = random(PART + 777);
    FileOutput out = fs.create("big/f");
    writeSliced(out, data);
    assertThat(uploadsInProgress()).isEqualTo(1);
    assertThat(fs.exists("big/f")).isFalse();
    assertThat(fs.list("big")).isEmpty();
    out.close();
    assertThat(uploadsInProgress()).isZero();
    assertThat(eTag("big/f")).endsWith("-2\"");
    assertThat(fs.size("big/f")).isEqualTo(data.length);
    assertThat(fs.readAll("big/f")).isEqualTo(data);
    byte[] acrossParts = fs.read("big/f", PART - 10, 20);
    assertThat(acrossParts).isEqualTo(Arrays.copyOfRange(data, PART - 10, PART + 10));
  }

  @Test
  void aFileOfExactlyOnePartIsASinglePut() throws IOException {
    byte[] data = random(PART);
    try (FileOutput out = fs.create("one")) {
      writeSliced(out, data);
      assertThat(uploadsInProgress()).isZero();
    }
    assertThat(eTag("one")).doesNotContain("-");
    assertThat(fs.readAll("one")).isEqualTo(data);
  }

  @Test
  void abortingAMultipartUploadLeavesNoObjectAndNoUpload() throws IOException {
    FileOutput out = fs.create("aborted");
    writeSliced(out, random(PART + 1));
    assertThat(uploadsInProgress()).isEqualTo(1);
    out.abort();
    out.close();
    assertThat(uploadsInProgress()).isZero();
    assertThat(fs.exists("aborted")).isFalse();
  }

  @Test
  void aMultipartFileLosingTheRaceIsAbortedNotPublished() throws IOException {
    FileOutput loser = fs.create("race");
    writeSliced(loser, random(PART + 5));
    try (FileOutput winner = fs.create("race")) {
      winner.write(new byte[] {1, 2, 3});
    }
    assertThatThrownBy(loser::close).isInstanceOf(FileAlreadyExistsException.class);
    assertThat(uploadsInProgress()).isZero();
    assertThat(fs.readAll("race")).containsExactly(1, 2, 3);
  }
}
