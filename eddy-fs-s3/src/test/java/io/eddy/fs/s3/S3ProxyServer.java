package io.eddy.fs.s3;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for tests: s3proxy in this JVM on 127.0.0.1 (a free port), storing in
 * memory, checking SigV4 signatures with a fixed test identity; faults can be injected into its
 * storage ({@link #faults()}). Not thread-safe to start/stop.
 */
final class S3ProxyServer {
  static final String ACCESS_KEY = "eddy-test-access-key";
  static final String SECRET_KEY = "eddy-test-secret-key";

  private final S3Proxy proxy;
  private final FlakyBlobStore store;
  private final S3Client client;
  private final AtomicInteger buckets = new AtomicInteger();

  private S3ProxyServer(S3Proxy proxy, FlakyBlobStore store) {
    this.proxy = proxy;
    this.store = store;
    this.client = S3Clients.create(settings().build());
  }

  /** Starts a server; the caller bounds the time with a test timeout. */
  static S3ProxyServer start() throws Exception {
    FlakyBlobStore store = new FlakyBlobStore(new TransientNio2BlobStore());
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(store)
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
        .ignoreUnknownHeaders(true)
        .build();
    proxy.start();
    return new S3ProxyServer(proxy, store);
  }

  int port() {
    return proxy.getPort();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** Settings for this server with the test identity; tests adjust the rest. */
  S3Settings.Builder settings() {
    return S3Settings.builder()
        .endpoint(endpoint())
        .pathStyleAccess(true)
        .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
  }

  FlakyBlobStore faults() {
    return store;
  }

  /** A plain SDK client of this server, to look behind the file system. */
  S3Client client() {
    return client;
  }

  /** Creates a new, empty bucket and returns its name. */
  String newBucket() {
    String name = "bucket-" + buckets.incrementAndGet();
    client.createBucket(r -> r.bucket(name));
    return name;
  }

  void stop() throws Exception {
    client.close();
    proxy.stop();
  }
}
