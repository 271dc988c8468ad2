package io.htlnet.model.gradients;

import io.htlnet.config.GradientConfig;
import io.htlnet.config.InputException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The methods {@code gradients.method} may name. */
public final class GradientMethods {
  private static final Map<String, Function<GradientConfig, GradientMethod>> BY_NAME =
      new TreeMap<>(Map.of(
          "sum", c -> new SumGradients(),
          "htlnet", c -> new HtlNetRegime(c.gamma(), c.cap()),
          "pcgrad", c -> new PcGrad(),
          "metabalance", c -> new MetaBalance(c.relax(), c.beta())));

  private GradientMethods() {}

  public static GradientMethod forConfig(GradientConfig config) {
    var method = BY_NAME.get(config.method());
    if (method == null) {
      throw new InputException("config key 'gradients.method': '" + config.method() + "' is not one of " + BY_NAME.keySet());
    }
    return method.apply(config);
  }
}
