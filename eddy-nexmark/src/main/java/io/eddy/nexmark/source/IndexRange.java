package io.eddy.nexmark.source;

import java.io.Serializable;

/**
 * The checkpointed position of a {@link GeneratorSource} slice: the events at indexes
 * [next, end) are still to be generated. Slices are independent, so after a rescale each new
 * subtask generates whichever ranges it is dealt. Immutable.
 */
record IndexRange(long next, long end) implements Serializable {

    boolean isEmpty() {
        return next >= end;
    }
}
