package io.htlnet.config;

/** How the tasks' gradients on the shared embeddings are combined. */
public record GradientConfig(String method, double gamma, double cap, String scope, double relax, double beta) {
  public boolean perTable() {
    return "per_table".equals(scope);
  }
}
