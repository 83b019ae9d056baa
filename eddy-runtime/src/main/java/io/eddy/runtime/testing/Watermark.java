package io.eddy.runtime.testing;

/** A watermark among the records of {@link OneInputHarness#outputWithWatermarks()}. */
public record Watermark(long timestamp) {}
