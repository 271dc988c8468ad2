package io.htlnet.cli;

import io.htlnet.config.ConfigLoader;
import io.htlnet.config.ServeConfig;
import io.htlnet.serve.ModelServer;
import io.htlnet.serve.Scorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve a model over HTTP with TensorFlow Serving's REST API (POST /v1/models/NAME:predict).")
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "DIR", description = "A run folder (or its model/ SavedModel).")
  Path model;

  @Option(names = "--port", defaultValue = "8501")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--name", defaultValue = "htlnet", description = "The model name in URLs (default ${DEFAULT-VALUE}).")
  String name;

  @Override
  public Integer call() throws InterruptedException {
    ModelServer server = new ModelServer(Scorer.load(model), name, limits(model)).start(host, port);
    System.out.printf("serving '%s' on http://%s:%d/v1/models/%s:predict (Ctrl-C stops)%n", name, host, server.port(), name);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }

  /** The run's serve.* settings (its config.resolved.yaml), else the defaults. */
  static ModelServer.Limits limits(Path model) {
    Path config = model.resolve("config.resolved.yaml");
    ServeConfig serve = Files.isRegularFile(config)
        ? ConfigLoader.bind(new io.htlnet.train.RunFolder(model).readConfig()).serve()
        : ConfigLoader.load(null, List.of()).serve();
    return new ModelServer.Limits(serve.maxCandidates(), serve.maxRequestBytes(), serve.timeoutMs());
  }
}
