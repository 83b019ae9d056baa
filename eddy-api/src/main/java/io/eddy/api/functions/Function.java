package io.eddy.api.functions;

import java.io.Serializable;

/**
 * Marker for every user function. Functions are serializable because the runtime gives each
 * parallel subtask (and each restart) its own copy, made by serializing the function the user
 * handed to the API. Lambdas whose target type extends this interface are serializable too.
 */
public interface Function extends Serializable {}
