package io.eddy.cep.nfa;

import io.eddy.api.types.TypeSerializer;
import io.eddy.cep.nfa.sharedbuffer.EventId;
import io.eddy.cep.nfa.sharedbuffer.NodeId;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The runs of one key's NFA: partial matches (including the runs waiting in a start state) and
 * completed matches not yet emitted (an after-match skip strategy holds a match back while an
 * earlier-starting partial match may still complete). Both lists are kept ordered by the start
 * event of their runs, runs with equal starts in the order they were created, so the order of
 * emitted matches is deterministic and survives a restore. Mutable; stored as one {@link Stored} value.
 */
public final class NFAState {
  /** Orders runs by their first event (not started: last), ties keep their order. */
  public static final Comparator<ComputationState> BY_START = Comparator
      .comparingLong((ComputationState c) -> c.startEventId() == null ? Long.MAX_VALUE : c.startEventId().timestamp())
      .thenComparingInt(c -> c.startEventId() == null ? Integer.MAX_VALUE : c.startEventId().id());

  private List<ComputationState> partialMatches;
  private final List<ComputationState> completedMatches;
  private boolean stateChanged;
  private boolean newStartPartialMatch;

  public NFAState(List<ComputationState> partialMatches, List<ComputationState> completedMatches) {
    this.partialMatches = partialMatches;
    this.completedMatches = completedMatches;
  }

  public List<ComputationState> partialMatches() {
    return partialMatches;
  }

  public List<ComputationState> completedMatches() {
    return completedMatches;
  }

  /** Replaces the partial matches; {@code sorted} must be ordered {@link #BY_START}. */
  void setPartialMatches(List<ComputationState> sorted) {
    this.partialMatches = sorted;
  }

  /** Adds matches keeping {@link #BY_START} order (after equal ones). */
  void addCompleted(List<ComputationState> sortedMatches) {
    for (ComputationState match : sortedMatches) {
      int i = completedMatches.size();
      while (i > 0 && BY_START.compare(completedMatches.get(i - 1), match) > 0) {
        i--;
      }
      completedMatches.add(i, match);
    }
  }

  public boolean isStateChanged() {
    return stateChanged;
  }

  void setStateChanged() {
    stateChanged = true;
  }

  /** True when a run took its first event since the last reset (the operator then registers a timeout timer). */
  public boolean isNewStartPartialMatch() {
    return newStartPartialMatch;
  }

  void setNewStartPartialMatch() {
    newStartPartialMatch = true;
  }

  public void resetFlags() {
    stateChanged = false;
    newStartPartialMatch = false;
  }

  /** The runs as stored in keyed state (a record, so every backend can snapshot it). */
  public record Stored(List<ComputationState> partialMatches, List<ComputationState> completedMatches) {}

  public Stored toStored() {
    return new Stored(new ArrayList<>(partialMatches), new ArrayList<>(completedMatches));
  }

  public static NFAState fromStored(Stored stored) {
    return new NFAState(new ArrayList<>(stored.partialMatches()), new ArrayList<>(stored.completedMatches()));
  }

  public static final TypeSerializer<Stored> SERIALIZER = new TypeSerializer<>() {
    @Override
    public void serialize(Stored value, DataOutput out) throws IOException {
      writeRuns(value.partialMatches(), out);
      writeRuns(value.completedMatches(), out);
    }

    @Override
    public Stored deserialize(DataInput in) throws IOException {
      List<ComputationState> partial = readRuns(in);
      return new Stored(partial, readRuns(in));
    }

    @Override
    public String name() {
      return "cep-nfa-state";
    }

    private void writeRuns(List<ComputationState> runs, DataOutput out) throws IOException {
      out.writeInt(runs.size());
      for (ComputationState run : runs) {
        out.writeUTF(run.stateName());
        DeweyNumber.SERIALIZER.serialize(run.version(), out);
        NodeId.SERIALIZER.serialize(run.previousEntry(), out);
        out.writeBoolean(run.startEventId() != null);
        if (run.startEventId() != null) {
          EventId.SERIALIZER.serialize(run.startEventId(), out);
        }
        out.writeLong(run.startTimestamp());
        out.writeLong(run.previousTimestamp());
      }
    }

    private List<ComputationState> readRuns(DataInput in) throws IOException {
      int n = in.readInt();
      List<ComputationState> runs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String name = in.readUTF();
        DeweyNumber version = DeweyNumber.SERIALIZER.deserialize(in);
        NodeId previous = NodeId.SERIALIZER.deserialize(in);
        EventId start = in.readBoolean() ? EventId.SERIALIZER.deserialize(in) : null;
        long startTimestamp = in.readLong();
        runs.add(new ComputationState(name, version, previous, start, startTimestamp, in.readLong()));
      }
      return runs;
    }
  };

  @Override
  public String toString() {
    return "NFAState{partial=" + partialMatches + ", completed=" + completedMatches + "}";
  }
}
