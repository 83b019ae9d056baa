package io.eddy.lsm.sst;

/**
 * What a finished SST file holds: size, key range (user keys, inclusive), sequence range
 * and entry count. Immutable.
 */
public record TableInfo(long size, byte[] smallest, byte[] largest, long minSequence, long maxSequence, long entries) {}
