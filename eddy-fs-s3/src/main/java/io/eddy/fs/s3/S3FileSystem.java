package io.eddy.fs.s3;

import io.eddy.fs.FileOutput;
import io.eddy.fs.FileSystem;
import io.eddy.fs.ReadHandle;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link FileSystem} on Amazon S3 or an S3-compatible server, through the AWS SDK v2: where
 * Eddy keeps its primary copy of state when it runs without local disks of record.
 *
 * <p>Paths are {@code s3://bucket/key}; a plain path ({@code a/b} or {@code /a/b}) is a key in
 * the default bucket given at construction. How the S3 operations serve the contract:
 *
 * <ul>
 *   <li>{@link #create}: a HeadObject refuses existing keys; the output buffers in memory and
 *       publishes at close with one PutObject, or, past one part, with a multipart upload
 *       whose parts go up as they fill (see {@link S3Output}). S3 shows an object only once
 *       the put or the upload's completion succeeded, which is the contract's visibility.
 *       The final put carries {@code If-None-Match: *}, so of two writers racing past the
 *       HeadObject only one publishes; on a server that ignores the header the last one wins.
 *   <li>{@link #open}: one HeadObject for size and ETag, then a ranged GET per read.
 *   <li>{@link #list}: ListObjectsV2 with delimiter '/', page by page.
 *   <li>{@link #delete}: HeadObject then DeleteObject, since S3 deletes silently; a concurrent
 *       delete may make both callers see {@code true}.
 * </ul>
 *
 * <p>Configuration: an {@link S3Settings} record, built in code or by
 * {@link S3Settings#fromEnvironment()} from the keys {@code eddy.s3.endpoint}, {@code .region},
 * {@code .path-style-access}, {@code .part-size}, {@code .list-page-size},
 * {@code .retry.mode}, {@code .retry.max-attempts}, {@code .retry.base-delay-ms},
 * {@code .retry.max-delay-ms} (or {@code EDDY_S3_ENDPOINT} and so on); S3Settings documents
 * them. Credentials come from the SDK's default chain. Retries are the SDK's (standard or
 * adaptive strategy, exponential backoff). Errors name the {@code s3://} path; no message or
 * {@link #toString()} carries credentials.
 *
 * <p>Thread safety: thread-safe; the SDK client is shared, outputs are confined to one thread.
 */
public final class S3FileSystem implements FileSystem {
  private final S3Settings settings;
  private final String defaultBucket;
  private final S3Client client;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * A file system with its own SDK client, released by {@link #close()}.
   *
   * @param defaultBucket the bucket of plain paths; null if every path names its bucket
   */
  public S3FileSystem(S3Settings settings, String defaultBucket) {
    this.settings = settings;
    this.defaultBucket = defaultBucket;
    this.client = S3Clients.create(settings);
  }

  @Override
  public String scheme() {
    return "s3";
  }

  @Override
  public FileOutput create(String path) throws IOException {
    S3Location at = S3Location.parseFile(path, defaultBucket);
    if (head(at) != null) {
      throw new FileAlreadyExistsException(at.uri());
    }
    return new S3Output(client, at, settings.partSize());
  }

  @Override
  public ReadHandle open(String path) throws IOException {
    S3Location at = S3Location.parseFile(path, defaultBucket);
    HeadObjectResponse head = existing(at);
    return new S3ReadHandle(client, at, head.contentLength(), head.eTag());
  }

  @Override
  public long size(String path) throws IOException {
    return existing(S3Location.parseFile(path, defaultBucket)).contentLength();
  }

  @Override
  public boolean exists(String path) throws IOException {
    return head(S3Location.parseFile(path, defaultBucket)) != null;
  }

  @Override
  public List<String> list(String directory) throws IOException {
    S3Location dir = S3Location.parse(directory, defaultBucket);
    String prefix = dir.prefix();
    List<String> names = new ArrayList<>();
    try {
      Iterable<ListObjectsV2Response> pages = client.listObjectsV2Paginator(
          r -> r.bucket(dir.bucket()).prefix(prefix).delimiter("/").maxKeys(settings.listPageSize()));
      for (ListObjectsV2Response page : pages) {
        for (S3Object object : page.contents()) {
          String name = object.key().substring(prefix.length());
          if (!name.isEmpty()) { // a "folder marker" some tools create
            names.add(name);
          }
        }
      }
    } catch (SdkException e) {
      throw S3Errors.failure("list", dir, e);
    }
    names.sort(null);
    return names;
  }

  @Override
  public boolean delete(String path) throws IOException {
    S3Location at = S3Location.parseFile(path, defaultBucket);
    if (head(at) == null) {
      return false;
    }
    try {
      client.deleteObject(r -> r.bucket(at.bucket()).key(at.key()));
      return true;
    } catch (SdkException e) {
      throw S3Errors.failure("delete", at, e);
    }
  }

  /** Closes the SDK client; idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      client.close();
    }
  }

  /** The object's metadata, or null if there is no such object. */
  private HeadObjectResponse head(S3Location at) throws IOException {
    try {
      return client.headObject(r -> r.bucket(at.bucket()).key(at.key()));
    } catch (SdkException e) {
      if (S3Errors.status(e) == S3Errors.NOT_FOUND) {
        return null;
      }
      throw S3Errors.failure("head", at, e);
    }
  }

  private HeadObjectResponse existing(S3Location at) throws IOException {
    HeadObjectResponse head = head(at);
    if (head == null) {
      throw new NoSuchFileException(at.uri());
    }
    return head;
  }

  @Override
  public String toString() {
    return "S3FileSystem[bucket=" + defaultBucket + ", endpoint=" + settings.endpoint() + ", region="
        + settings.region() + "]";
  }
}
