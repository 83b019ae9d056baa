package io.eddy.runtime.metrics;

import io.eddy.api.metrics.Counter;
import io.eddy.api.metrics.MeterView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric group of one task (a chain's subtask in one attempt) and the parent of its
 * operators' groups. Its {@code numRecordsIn} is its head operator's; its {@code numRecordsOut}
 * the sum over the operators that send records out of the chain, set up by
 * {@link #registerTaskIO} once the chain is built.
 */
public final class TaskMetricGroup extends AbstractMetricGroup {
  private final List<InternalOperatorMetricGroup> operators = new ArrayList<>();

  TaskMetricGroup(MetricRegistry registry, JobMetricGroup job, String[] scope, Map<String, String> variables) {
    super(registry, job, scope, "taskmanager.job.task", variables);
  }

  public synchronized InternalOperatorMetricGroup addOperator(String operatorId, String operatorName,
      InternalOperatorMetricGroup.Inputs inputs) {
    Map<String, String> variables = new LinkedHashMap<>(getAllVariables());
    variables.put("<operator_id>", operatorId);
    variables.put("<operator_name>", operatorName);
    InternalOperatorMetricGroup group = new InternalOperatorMetricGroup(registry, this,
        registry.operatorScope().format(variables), Map.of("<operator_id>", operatorId, "<operator_name>", operatorName),
        operatorName, inputs);
    operators.add(group);
    return group;
  }

  /** Registers the task's own record counters: in from {@code head}, out from {@code tails}. */
  public void registerTaskIO(InternalOperatorMetricGroup head, List<InternalOperatorMetricGroup> tails) {
    Counter in = head.getNumRecordsInCounter();
    Counter out = new SumCounter(tails.stream().map(InternalOperatorMetricGroup::getNumRecordsOutCounter).toList());
    counter("numRecordsIn", in);
    counter("numRecordsOut", out);
    meter("numRecordsInPerSecond", new MeterView(in));
    meter("numRecordsOutPerSecond", new MeterView(out));
  }

  /** Adds the counters of every operator of this task to {@code totals}, keyed {@code <operator name>.<name>}. */
  public synchronized void addOperatorCounts(Map<String, Long> totals) {
    for (InternalOperatorMetricGroup op : operators) {
      op.addCounts(op.operatorName() + ".", totals);
    }
  }

  @Override
  public void close() {
    super.close();
    List<InternalOperatorMetricGroup> ops;
    synchronized (this) {
      ops = List.copyOf(operators);
    }
    ops.forEach(AbstractMetricGroup::close);
  }
}
