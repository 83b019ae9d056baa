package io.eddy.fs.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * Every setting of the S3 file system in one immutable record, so the client, the writer and
 * the lister read the same values and the keys are documented in one place.
 *
 * <p>Keys, read by {@link #fromEnvironment()}: a system property wins over the environment
 * variable beside it; unset keys keep the default.
 *
 * <pre>
 * system property              environment variable          default
 * eddy.s3.endpoint             EDDY_S3_ENDPOINT              AWS for the region (set it for S3-compatible servers)
 * eddy.s3.region               EDDY_S3_REGION                the SDK's region chain (AWS_REGION, profile, ...);
 *                                                            us-east-1 when an endpoint is set
 * eddy.s3.path-style-access    EDDY_S3_PATH_STYLE_ACCESS     false (true for most S3-compatible servers)
 * eddy.s3.part-size            EDDY_S3_PART_SIZE             8388608 (bytes; 5 MiB to 5 GiB)
 * eddy.s3.list-page-size       EDDY_S3_LIST_PAGE_SIZE        1000 (keys per ListObjectsV2 page, 1 to 1000)
 * eddy.s3.retry.mode           EDDY_S3_RETRY_MODE            standard (or adaptive: client-side rate limiting)
 * eddy.s3.retry.max-attempts   EDDY_S3_RETRY_MAX_ATTEMPTS    10 (first try included)
 * eddy.s3.retry.base-delay-ms  EDDY_S3_RETRY_BASE_DELAY_MS   100 (exponential backoff with full jitter)
 * eddy.s3.retry.max-delay-ms   EDDY_S3_RETRY_MAX_DELAY_MS    20000
 * </pre>
 *
 * <p>Credentials are never a key here: they come from the SDK's default provider chain
 * (environment, system properties, profile, container or instance role), or from a provider
 * set with {@link Builder#credentials}. {@link #toString()} names only the provider's class.
 *
 * <p>Thread safety: immutable.
 */
public record S3Settings(
    URI endpoint,
    String region,
    boolean pathStyleAccess,
    int partSize,
    int listPageSize,
    RetryMode retryMode,
    int maxAttempts,
    Duration retryBaseDelay,
    Duration retryMaxDelay,
    AwsCredentialsProvider credentials) {

  /** The smallest part S3 accepts in a multipart upload (except the last). */
  public static final int MIN_PART_SIZE = 5 << 20;

  /** The largest part S3 accepts, capped to what a Java array holds. */
  public static final int MAX_PART_SIZE = Integer.MAX_VALUE - 16;

  public static final String ENDPOINT = "eddy.s3.endpoint";
  public static final String REGION = "eddy.s3.region";
  public static final String PATH_STYLE_ACCESS = "eddy.s3.path-style-access";
  public static final String PART_SIZE = "eddy.s3.part-size";
  public static final String LIST_PAGE_SIZE = "eddy.s3.list-page-size";
  public static final String RETRY_MODE = "eddy.s3.retry.mode";
  public static final String RETRY_MAX_ATTEMPTS = "eddy.s3.retry.max-attempts";
  public static final String RETRY_BASE_DELAY_MS = "eddy.s3.retry.base-delay-ms";
  public static final String RETRY_MAX_DELAY_MS = "eddy.s3.retry.max-delay-ms";

  /** Checks the ranges; {@code endpoint}, {@code region} and {@code credentials} may be null. */
  public S3Settings {
    if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
      throw new IllegalArgumentException("part size must be 5 MiB to 2 GiB, not " + partSize);
    }
    if (listPageSize < 1 || listPageSize > 1000) {
      throw new IllegalArgumentException("list page size must be 1 to 1000, not " + listPageSize);
    }
    if (retryMode != RetryMode.STANDARD && retryMode != RetryMode.ADAPTIVE_V2) {
      throw new IllegalArgumentException("retry mode must be standard or adaptive, not " + retryMode);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max attempts must be at least 1, not " + maxAttempts);
    }
    if (retryBaseDelay.isNegative() || retryMaxDelay.compareTo(retryBaseDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= retry base delay <= retry max delay");
    }
  }

  /** A builder holding the defaults listed in the class comment. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults overridden by the keys set as system properties or environment variables. */
  public static S3Settings fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** As {@link #fromEnvironment()}, reading environment variables from {@code env}. */
  static S3Settings fromEnvironment(Map<String, String> env) {
    Builder b = builder();
    String v;
    if ((v = lookup(ENDPOINT, env)) != null) {
      b.endpoint(URI.create(v));
    }
    if ((v = lookup(REGION, env)) != null) {
      b.region(v);
    }
    if ((v = lookup(PATH_STYLE_ACCESS, env)) != null) {
      b.pathStyleAccess(Boolean.parseBoolean(v));
    }
    if ((v = lookup(PART_SIZE, env)) != null) {
      b.partSize(Integer.parseInt(v));
    }
    if ((v = lookup(LIST_PAGE_SIZE, env)) != null) {
      b.listPageSize(Integer.parseInt(v));
    }
    if ((v = lookup(RETRY_MODE, env)) != null) {
      b.retryMode(retryMode(v));
    }
    if ((v = lookup(RETRY_MAX_ATTEMPTS, env)) != null) {
      b.maxAttempts(Integer.parseInt(v));
    }
    if ((v = lookup(RETRY_BASE_DELAY_MS, env)) != null) {
      b.retryBaseDelay(Duration.ofMillis(Long.parseLong(v)));
    }
    if ((v = lookup(RETRY_MAX_DELAY_MS, env)) != null) {
      b.retryMaxDelay(Duration.ofMillis(Long.parseLong(v)));
    }
    return b.build();
  }

  /** The environment variable paired with a key: {@code eddy.s3.part-size} is {@code EDDY_S3_PART_SIZE}. */
  static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static String lookup(String key, Map<String, String> env) {
    String v = System.getProperty(key);
    if (v == null) {
      v = env.get(envName(key));
    }
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static RetryMode retryMode(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "standard" -> RetryMode.STANDARD;
      case "adaptive" -> RetryMode.ADAPTIVE_V2;
      default -> throw new IllegalArgumentException(RETRY_MODE + " must be standard or adaptive, not " + name);
    };
  }

  /** Names the credentials provider's class only, never what it holds. */
  @Override
  public String toString() {
    return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", pathStyleAccess=" + pathStyleAccess
        + ", partSize=" + partSize + ", listPageSize=" + listPageSize + ", retryMode=" + retryMode
        + ", maxAttempts=" + maxAttempts + ", retryBaseDelay=" + retryBaseDelay + ", retryMaxDelay=" + retryMaxDelay
        + ", credentials=" + (credentials == null ? "default chain" : credentials.getClass().getSimpleName()) + "]";
  }

  /** Builds {@link S3Settings}; starts from the documented defaults. Not thread-safe. */
  public static final class Builder {
    private URI endpoint;
    private String region;
    private boolean pathStyleAccess;
    private int partSize = 8 << 20;
    private int listPageSize = 1000;
    private RetryMode retryMode = RetryMode.STANDARD;
    private int maxAttempts = 10;
    private Duration retryBaseDelay = Duration.ofMillis(100);
    private Duration retryMaxDelay = Duration.ofSeconds(20);
    private AwsCredentialsProvider credentials;

    private Builder() {}

    /** The server to talk to instead of AWS, such as {@code http://127.0.0.1:9000}. */
    public Builder endpoint(URI endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** Addresses buckets as {@code endpoint/bucket/key} instead of {@code bucket.endpoint/key}. */
    public Builder pathStyleAccess(boolean pathStyleAccess) {
      this.pathStyleAccess = pathStyleAccess;
      return this;
    }

    /** Bytes per multipart part; a file smaller than this is written by one PutObject. */
    public Builder partSize(int partSize) {
      this.partSize = partSize;
      return this;
    }

    public Builder listPageSize(int listPageSize) {
      this.listPageSize = listPageSize;
      return this;
    }

    /** {@link RetryMode#STANDARD} or {@link RetryMode#ADAPTIVE_V2}. */
    public Builder retryMode(RetryMode retryMode) {
      this.retryMode = retryMode;
      return this;
    }

    /** Attempts per request, the first included; 1 turns retries off. */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder retryBaseDelay(Duration retryBaseDelay) {
      this.retryBaseDelay = retryBaseDelay;
      return this;
    }

    public Builder retryMaxDelay(Duration retryMaxDelay) {
      this.retryMaxDelay = retryMaxDelay;
      return this;
    }

    /** A credentials provider to use instead of the SDK's default chain. */
    public Builder credentials(AwsCredentialsProvider credentials) {
      this.credentials = credentials;
      return this;
    }

    public S3Settings build() {
      return new S3Settings(endpoint, region, pathStyleAccess, partSize, listPageSize, retryMode, maxAttempts,
          retryBaseDelay, retryMaxDelay, credentials);
    }
  }
}
