package io.eddy.runtime.asyncprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.state.v2.StateCallbackException;
import io.eddy.api.state.v2.StateFuture;
import io.eddy.api.state.v2.StateFutureUtils;
import io.eddy.api.tuple.Tuple2;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Composition of the runtime's futures with each other and with completed ones. */
class StateFutureTest {
  @Test
  void callbacksRunWhenCompletedInRegistrationOrderAndAtOnceAfterwards() {
    StateFutureImpl<Integer> future = new StateFutureImpl<>();
    List<String> log = new ArrayList<>();
    future.thenAccept(v -> log.add("first " + v));
    future.thenApply(v -> v * 2).thenAccept(v -> log.add("doubled " + v));
    assertThat(log).isEmpty();
    future.complete(21);
    assertThat(log).containsExactly("first 21", "doubled 42");
    future.thenAccept(v -> log.add("late " + v));
    assertThat(log).endsWith("late 21");
    assertThatThrownBy(() -> future.complete(1)).hasMessageContaining("twice");
  }

  @Test
  void aCompletedFutureRunsItsCompositionsAtOnceAndTheirFailuresPropagate() {
    List<Object> log = new ArrayList<>();
    StateFutureImpl.completed(20).thenApply(v -> v + 1).thenCompose(v -> StateFutureImpl.completed(v * 2))
        .thenCombine(StateFutureImpl.completed("!"), (v, s) -> v + s).thenAccept(log::add);
    assertThat(log).containsExactly("42!");
    assertThat(StateFutureImpl.completed(null)).isSameAs(StateFutureImpl.completed(null));
    StateFutureImpl.<Integer>completed(null).thenAccept(v -> log.add("null " + v)).thenAccept(v -> log.add("void"));
    assertThat(log).containsExactly("42!", "null null", "void");
    assertThatThrownBy(() -> StateFutureImpl.completed(1).thenAccept(v -> {
      throw new java.io.IOException("boom");
    })).isInstanceOf(io.eddy.api.state.v2.StateCallbackException.class).hasRootCauseMessage("boom");
  }

  @Test
  void composeAndCombineWaitForBoth() {
    StateFutureImpl<Integer> a = new StateFutureImpl<>();
    StateFutureImpl<String> b = new StateFutureImpl<>();
    StateFutureImpl<Integer> inner = new StateFutureImpl<>();
    List<Object> results = new ArrayList<>();
    a.thenCombine(b, (x, y) -> y + x).thenAccept(results::add);
    a.thenCompose(x -> inner).thenAccept(results::add);
    b.complete("b");
    a.complete(1);
    assertThat(results).containsExactly("b1");
    inner.complete(7);
    assertThat(results).containsExactly("b1", 7);
  }

  @Test
  void conditionalVariants() {
    StateFutureImpl<Integer> f = new StateFutureImpl<>();
    List<Object> results = new ArrayList<>();
    f.thenConditionallyApply(v -> v > 3, v -> "big", v -> 0).thenAccept(results::add);
    f.thenConditionallyApply(v -> v < 3, v -> "small").thenAccept(results::add);
    f.thenConditionallyAccept(v -> v > 3, v -> results.add("yes"), v -> results.add("no")).thenAccept(results::add);
    f.thenConditionallyAccept(v -> v < 3, v -> results.add("never")).thenAccept(results::add);
    f.thenConditionallyCompose(v -> v > 3, v -> StateFutureUtils.completedFuture(v + 1),
        v -> StateFutureUtils.completedFuture("x")).thenAccept(results::add);
    f.thenConditionallyCompose(v -> v > 3, v -> StateFutureUtils.completedFuture(v * 10)).thenAccept(results::add);
    f.complete(5);
    assertThat(results).containsExactly(Tuple2.of(true, "big"), Tuple2.of(false, null), "yes", true, false,
        Tuple2.of(true, 6), Tuple2.of(true, 50));
  }

  @Test
  void combineAllKeepsTheOrderOfTheFutures() {
    StateFutureImpl<Integer> a = new StateFutureImpl<>();
    StateFutureImpl<Integer> b = new StateFutureImpl<>();
    List<Collection<Integer>> results = new ArrayList<>();
    StateFutureUtils.combineAll(List.of(a, StateFutureUtils.completedFuture(2), b)).thenAccept(results::add);
    b.complete(3);
    assertThat(results).isEmpty();
    a.complete(1);
    assertThat(results).containsExactly(List.of(1, 2, 3));
    List<StateFuture<Integer>> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> StateFutureUtils.combineAll(withNull)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCheckedExceptionOfACallbackSurfaces() {
    StateFutureImpl<Integer> f = new StateFutureImpl<>();
    f.thenAccept(v -> {
      throw new java.io.IOException("bad " + v);
    });
    assertThatThrownBy(() -> f.complete(1)).isInstanceOf(StateCallbackException.class).hasMessageContaining("bad 1");
  }
}
