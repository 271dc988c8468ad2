package io.htlnet.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.StepStats;

/**
 * Op run times summed over traced training steps, by op type (MatMul, Softmax, ...) and by
 * part of the graph (a task's forward pass {@code model/taskN}, its backward pass
 * {@code grad_taskN}, the gradient method, Adam). Times are CPU time of ops, which overlap on
 * several threads, so they add up to more than the wall time of a step.
 */
public final class StepTrace {
  private final Map<String, Long> byOpType = new TreeMap<>();
  private final Map<String, Long> byPart = new TreeMap<>();
  private int steps;

  void add(StepStats stats) {
    steps++;
    for (var device : stats.getDevStatsList()) {
      for (NodeExecStats node : device.getNodeStatsList()) {
        long micros = node.getAllEndRelMicros();
        String label = node.getTimelineLabel();
        int eq = label.indexOf("= ");
        String type = eq < 0 ? node.getNodeName() : label.substring(eq + 2).split("\\(")[0];
        byOpType.merge(type, micros, Long::sum);
        byPart.merge(part(node.getNodeName()), micros, Long::sum);
      }
    }
  }

  private static String part(String name) {
    String[] parts = name.split("/");
    if (parts.length == 1) {
      return "(other)";
    }
    return parts[0].equals("model") && parts.length > 2 ? "model/" + parts[1] : parts[0];
  }

  /** Mean microseconds per step, largest first. */
  public Map<String, Double> byOpType() {
    return perStep(byOpType);
  }

  public Map<String, Double> byPart() {
    return perStep(byPart);
  }

  private Map<String, Double> perStep(Map<String, Long> totals) {
    var sorted = new LinkedHashMap<String, Double>();
    totals.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue() / (double) steps));
    return sorted;
  }
}
