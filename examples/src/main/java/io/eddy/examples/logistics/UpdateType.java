package io.eddy.examples.logistics;

/** What a shipping update reports about a parcel. */
public enum UpdateType {
  PICKED_UP, ARRIVED_HUB, DEPARTED_HUB, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION
}
