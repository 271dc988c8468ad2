package io.htlnet.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Where a run came from: code version, data fingerprint, machine; written into config.resolved.yaml. */
public final class Provenance {
  private Provenance() {}

  public static Map<String, Object> of(long seed, String dataFingerprint) {
    var map = new LinkedHashMap<String, Object>();
    map.put("seed", seed);
    map.put("git_commit", gitCommit());
    map.put("data_fingerprint", dataFingerprint);
    map.put("created", Instant.now().toString());
    map.put("java", System.getProperty("java.version"));
    map.put("tensorflow_java", "1.1.0");
    map.put("cores", Runtime.getRuntime().availableProcessors());
    return map;
  }

  /** The commit of the project checkout ({@code htlnet.home}, else the working directory), "-dirty" if changed. */
  static String gitCommit() {
    Path home = Path.of(System.getProperty("htlnet.home", "."));
    String commit = git(home, "rev-parse", "HEAD");
    if (commit == null) {
      return "unknown";
    }
    String status = git(home, "status", "--porcelain", "--untracked-files=no");
    return status == null || status.isEmpty() ? commit : commit + "-dirty";
  }

  private static String git(Path directory, String... args) {
    var command = new java.util.ArrayList<String>();
    command.add("git");
    command.add("-C");
    command.add(directory.toString());
    command.addAll(java.util.List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return null;
      }
      return out;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
