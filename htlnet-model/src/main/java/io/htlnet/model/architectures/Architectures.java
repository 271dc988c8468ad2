package io.htlnet.model.architectures;

import io.htlnet.config.InputException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The architectures {@code model.architecture} may name. */
public final class Architectures {
  private static final Map<String, Supplier<Architecture>> BY_NAME = new TreeMap<>(Map.of(
      "htlnet", HtlNet::new,
      "single_task", SingleTask::new,
      "shared_bottom", SharedBottom::new,
      "mmoe", Mmoe::new,
      "ple", Ple::new,
      "adatt", AdaTT::new,
      "esmm", Esmm::new,
      "aitm", Aitm::new));

  private Architectures() {}

  public static Architecture forName(String name) {
    Supplier<Architecture> architecture = BY_NAME.get(name);
    if (architecture == null) {
      throw new InputException("config key 'model.architecture': '" + name + "' is not one of " + BY_NAME.keySet());
    }
    return architecture.get();
  }
}
