package io.eddy.nexmark.job;

import io.eddy.api.connector.Committer;
import io.eddy.api.connector.TwoPhaseCommittingSink;
import io.eddy.nexmark.queries.Change;
import io.eddy.nexmark.result.ChangelogApplier;
import io.eddy.nexmark.result.ResultTable;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exactly-once delivery of a query's changelog to the {@link NexmarkJob} in this process, for
 * jobs with checkpoints (and so restarts): writers stage changes per checkpoint; a staged
 * batch is applied to the job's {@link ChangelogApplier} only when its checkpoint completes,
 * once, however often a recovery commits it again. Changes replayed after a failure were never
 * committed, so none is applied twice. Without checkpoints {@link NexmarkJob} streams the
 * changelog instead, since staging would hold all of it until the end.
 *
 * <p>The applier is found by id in a process-wide registry ({@link #open}/{@link #close}),
 * since the sink is serialized into the job. Per subtask, batches are committed in checkpoint
 * order, so a retraction always follows the row it retracts (a key's rows come from one
 * subtask). Thread-safe.
 */
final class CommittedChangelogSink implements TwoPhaseCommittingSink<Change, CommittedChangelogSink.Batch> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, Target> TARGETS = new ConcurrentHashMap<>();

    /** One writer's changes of one checkpoint, uniquely named. */
    record Batch(String id, ArrayList<Change> changes) implements Serializable {
    }

    /** Where a job's committed changes go. */
    private static final class Target {
        private final ChangelogApplier applier;
        private final Set<String> committed = new HashSet<>();
        private long changes;

        Target(List<String> columns) {
            this.applier = new ChangelogApplier(columns);
        }

        synchronized void commit(List<Batch> batches) {
            for (Batch batch : batches) {
                if (committed.add(batch.id())) {
                    for (Change c : batch.changes()) {
                        applier.apply(c.kind(), c.row());
                    }
                    changes += batch.changes().size();
                }
            }
        }
    }

    private final String id;

    private CommittedChangelogSink(String id) {
        this.id = id;
    }

    /** A sink whose committed changes are applied to a fresh table with these columns. */
    static CommittedChangelogSink open(List<String> columns) {
        String id = UUID.randomUUID().toString();
        TARGETS.put(id, new Target(columns));
        return new CommittedChangelogSink(id);
    }

    /** The table of everything committed so far. */
    ResultTable table() {
        Target target = TARGETS.get(id);
        synchronized (target) {
            return target.applier.table();
        }
    }

    /** The number of committed changes. */
    long changes() {
        Target target = TARGETS.get(id);
        synchronized (target) {
            return target.changes;
        }
    }

    /** Forgets the table. */
    void close() {
        TARGETS.remove(id);
    }

    @Override
    public PrecommittingWriter<Change, Batch> createWriter(WriterInitContext context) {
        return new PrecommittingWriter<>() {
            private ArrayList<Change> staged = new ArrayList<>();

            @Override
            public void write(Change change, Context ctx) {
                staged.add(change);
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public List<Batch> prepareCommit(long checkpointId) {
                Batch batch = new Batch(UUID.randomUUID().toString(), staged);
                staged = new ArrayList<>();
                return List.of(batch);
            }
        };
    }

    @Override
    public Committer<Batch> createCommitter() {
        String targetId = id;
        return batches -> TARGETS.get(targetId).commit(batches);
    }
}
