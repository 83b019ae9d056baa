package io.eddy.examples.logistics;

/** The anomalies the logistics job detects (see {@link AnomalyDetection} for the patterns). */
public enum AlertKind {
  /** No scan within {@link AnomalyDetection#SCAN_TIMEOUT} after the pickup. */
  NO_SCAN_AFTER_PICKUP,
  /** Delivered right after a scan other than out-for-delivery. */
  DELIVERED_WITHOUT_OUT_FOR_DELIVERY,
  /** Arrived again at a hub it had departed from. */
  RETURNED_TO_HUB,
  /** An exception not followed by any scan within {@link AnomalyDetection#EXCEPTION_TIMEOUT}. */
  EXCEPTION_WITHOUT_SCAN
}
