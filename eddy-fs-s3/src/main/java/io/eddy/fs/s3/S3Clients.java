package io.eddy.fs.s3;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the SDK client from {@link S3Settings}, so endpoint, addressing, credentials and the
 * retry strategy are wired in one place.
 *
 * <p>Retries are the SDK's: the standard (or adaptive) strategy retries throttling (503
 * SlowDown, 429), 5xx answers and I/O errors with exponential backoff and full jitter, up to
 * {@link S3Settings#maxAttempts()} attempts. Throttling uses the same backoff as other errors.
 * Stateless.
 */
final class S3Clients {
  /** The region signed for when an endpoint is set but no region: what S3-compatible servers expect. */
  private static final Region COMPATIBLE_DEFAULT_REGION = Region.US_EAST_1;

  private S3Clients() {}

  static S3Client create(S3Settings settings) {
    S3ClientBuilder b = S3Client.builder()
        .forcePathStyle(settings.pathStyleAccess())
        .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(retryStrategy(settings)).build());
    if (settings.credentials() != null) {
      b.credentialsProvider(settings.credentials());
    } // else the SDK's default chain, which the client owns and closes
    if (settings.endpoint() != null) {
      b.endpointOverride(settings.endpoint());
    }
    if (settings.region() != null) {
      b.region(Region.of(settings.region()));
    } else if (settings.endpoint() != null) {
      b.region(COMPATIBLE_DEFAULT_REGION);
    }
    return b.build();
  }

  static RetryStrategy retryStrategy(S3Settings settings) {
    BackoffStrategy backoff = BackoffStrategy.exponentialDelay(settings.retryBaseDelay(), settings.retryMaxDelay());
    RetryStrategy.Builder<?, ?> b = settings.retryMode() == RetryMode.ADAPTIVE_V2
        ? AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
        : AwsRetryStrategy.standardRetryStrategy().toBuilder();
    return b.maxAttempts(settings.maxAttempts()).backoffStrategy(backoff).throttlingBackoffStrategy(backoff).build();
  }
}
