package io.eddy.cep.nfa.sharedbuffer;

import io.eddy.cep.nfa.DeweyNumber;

/**
 * A link from a shared-buffer node to the node of the previous event of the match (null for the
 * first event), valid for the partial matches whose version is compatible with {@code version}.
 */
public record SharedBufferEdge(NodeId target, DeweyNumber version) {}
