package io.eddy.api.functions;

/** Passed to {@link RichFunction#open}; a placeholder for what open may need to know in future. */
public interface OpenContext {}
