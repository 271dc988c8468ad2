package io.htlnet.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Writes that readers never see half-done: into a temporary sibling, then one atomic rename. */
public final class AtomicFiles {
  private AtomicFiles() {}

  public static void writeString(Path file, String text) {
    write(file, tmp -> {
      try {
        Files.writeString(tmp, text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** {@code writer} fills the temporary path (a file or a folder); it then replaces {@code target}. */
  public static void write(Path target, Consumer<Path> writer) {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    try {
      deleteRecursively(tmp);
      writer.accept(tmp);
      if (Files.isDirectory(target)) {
        deleteRecursively(target);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteRecursively(tmp);
    }
  }

  public static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
