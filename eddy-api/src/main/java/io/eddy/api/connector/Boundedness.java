package io.eddy.api.connector;

/** Whether a source ends (BOUNDED) or runs until cancelled (CONTINUOUS_UNBOUNDED). */
public enum Boundedness { BOUNDED, CONTINUOUS_UNBOUNDED }
