package io.eddy.cep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The matches of a chain of single steps, found without an automaton: every increasing tuple
 * of event positions is checked against the steps' types, contiguities and the window, and the
 * skip strategies are applied by emitting matches in order of (first, last) position and
 * dropping the ones an emitted match rules out. Events are letters; event i has timestamp i + 1.
 */
final class ReferenceMatcher {
  enum Contiguity { STRICT, RELAXED, ANY }

  enum Skip { NO_SKIP, SKIP_TO_NEXT, SKIP_PAST_LAST, SKIP_TO_LAST_STEP }

  /** One step: the letter it accepts and how it follows the previous step (ignored for the first). */
  record Step(char type, Contiguity contiguity) {}

  private ReferenceMatcher() {}

  /** All matches, each as the positions of its events. */
  static List<int[]> matches(List<Step> steps, String events, long window) {
    List<int[]> result = new ArrayList<>();
    extend(steps, events, window, new int[steps.size()], 0, result);
    return result;
  }

  private static void extend(List<Step> steps, String events, long window, int[] positions, int step,
      List<int[]> result) {
    if (step == steps.size()) {
      result.add(positions.clone());
      return;
    }
    int from = step == 0 ? 0 : positions[step - 1] + 1;
    for (int i = from; i < events.length(); i++) {
      Step s = steps.get(step);
      if (events.charAt(i) != s.type()) {
        continue;
      }
      if (step > 0 && !contiguous(s, events, positions[step - 1], i)) {
        continue;
      }
      if (window > 0 && i - (step == 0 ? i : positions[0]) >= window) {
        continue;
      }
      positions[step] = i;
      extend(steps, events, window, positions, step + 1, result);
    }
  }

  private static boolean contiguous(Step step, String events, int previous, int next) {
    return switch (step.contiguity()) {
      case STRICT -> next == previous + 1;
      case RELAXED -> events.substring(previous + 1, next).indexOf(step.type()) < 0;
      case ANY -> true;
    };
  }

  /** The (first, last) positions of the matches a skip strategy lets out, in emission order. */
  static List<String> afterSkip(List<int[]> matches, Skip skip) {
    List<int[]> ordered = new ArrayList<>(matches);
    ordered.sort(Comparator.<int[]>comparingInt(m -> m[0]).thenComparingInt(m -> m[m.length - 1]));
    List<String> emitted = new ArrayList<>();
    int pruneUpTo = -1;
    boolean inclusive = skip != Skip.SKIP_TO_LAST_STEP;
    for (int[] m : ordered) {
      int start = m[0];
      if (start < pruneUpTo || (inclusive && start == pruneUpTo)) {
        continue;
      }
      emitted.add(start + "-" + m[m.length - 1]);
      int pid = switch (skip) {
        case NO_SKIP -> -1;
        case SKIP_TO_NEXT -> m[0];
        case SKIP_PAST_LAST, SKIP_TO_LAST_STEP -> m[m.length - 1];
      };
      pruneUpTo = Math.max(pruneUpTo, pid);
    }
    return emitted;
  }
}
