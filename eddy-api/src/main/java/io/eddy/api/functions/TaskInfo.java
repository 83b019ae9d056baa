package io.eddy.api.functions;

/** Where a function instance runs: its operator's name and its subtask among the parallel ones. */
public record TaskInfo(
    String taskName, int indexOfThisSubtask, int numberOfParallelSubtasks, int maxNumberOfParallelSubtasks, int attemptNumber) {

  public String getTaskName() {
    return taskName;
  }

  public int getIndexOfThisSubtask() {
    return indexOfThisSubtask;
  }

  public int getNumberOfParallelSubtasks() {
    return numberOfParallelSubtasks;
  }

  public int getMaxNumberOfParallelSubtasks() {
    return maxNumberOfParallelSubtasks;
  }

  public int getAttemptNumber() {
    return attemptNumber;
  }
}
