package io.eddy.nexmark.queries;

import io.eddy.api.datastream.DataStream;
import io.eddy.nexmark.model.Event;

import java.util.List;

/**
 * One Nexmark query on the DataStream API: turns the event stream (timestamps = dateTime,
 * {@link io.eddy.nexmark.source.NexmarkWatermarks}) into the changelog of
 * {@code queries/qN.sql}, whose applied form equals {@link io.eddy.nexmark.oracle.NexmarkOracle}'s
 * table. Implementations are stateless singletons; all state lives in the job they build.
 */
public interface NexmarkQuery {

    /** "q0" .. "q22". */
    String name();

    /** The result columns (the CSV header). */
    List<String> columns();

    /** Adds the query's operators (and q10's file sink) to the events' environment. */
    DataStream<Change> build(DataStream<Event> events, QueryContext context);
}
