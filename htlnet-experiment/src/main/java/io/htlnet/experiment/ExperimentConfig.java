package io.htlnet.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.htlnet.config.ConfigLoader;
import io.htlnet.config.InputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An experiment file: the run config every variant starts from ({@code base}, relative to this
 * file), overrides for all runs ({@code set}), the variants (explicit, and/or the cross product of
 * {@code grid}), the seeds, the reference variant tested against the best baseline, the tables of
 * the report, and the two variants whose gradients the figures compare.
 */
public record ExperimentConfig(
    String name,
    String base,
    Integer seeds,
    List<String> set,
    List<Variant> variants,
    Map<String, List<String>> grid,
    String reference,
    List<Table> tables,
    Figures figures) {

  /** A named list of {@code key=value} overrides on the base config. */
  public record Variant(String name, List<String> set) {}

  /** A table of the report: which variants, in which order. */
  public record Table(String title, List<String> variants) {}

  /** The figures compare the shared gradients of these two variants (e.g. with and without the regime). */
  public record Figures(String with, String without) {}

  public static ExperimentConfig load(Path file) {
    ExperimentConfig config;
    try {
      config = ConfigLoader.YAML.readValue(file.toFile(), ExperimentConfig.class);
    } catch (JsonMappingException e) {
      String key = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      throw new InputException(file + ": experiment key '" + key + "': " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new InputException(file + ": not a valid experiment file: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage());
    }
    return config.validated(file);
  }

  private ExperimentConfig validated(Path file) {
    if (name == null || base == null || seeds == null || seeds < 1) {
      throw new InputException(file + ": an experiment needs 'name', 'base' and 'seeds' (at least 1)");
    }
    List<Variant> all = allVariants();
    if (all.isEmpty()) {
      throw new InputException(file + ": no variants ('variants' or 'grid')");
    }
    var names = all.stream().map(Variant::name).toList();
    if (names.stream().distinct().count() != names.size()) {
      throw new InputException(file + ": variant names must be unique: " + names);
    }
    if (reference != null && !names.contains(reference)) {
      throw new InputException(file + ": reference '" + reference + "' is not a variant; variants: " + names);
    }
    for (Table table : tables()) {
      table.variants().stream().filter(v -> !names.contains(v)).findFirst().ifPresent(v -> {
        throw new InputException(file + ": table '" + table.title() + "' names '" + v + "', which is not a variant");
      });
    }
    if (figures != null && (!names.contains(figures.with()) || !names.contains(figures.without()))) {
      throw new InputException(file + ": figures.with and figures.without must name variants");
    }
    return this;
  }

  public Path basePath(Path experimentFile) {
    return experimentFile.toAbsolutePath().getParent().resolve(base).normalize();
  }

  public List<String> set() {
    return set == null ? List.of() : set;
  }

  /** The explicit variants, then one per combination of the grid's values (named key=value,...). */
  public List<Variant> allVariants() {
    var all = new ArrayList<Variant>(variants == null ? List.of() : variants);
    if (grid != null && !grid.isEmpty()) {
      List<List<String>> combinations = List.of(List.of());
      for (Map.Entry<String, List<String>> axis : grid.entrySet()) {
        var next = new ArrayList<List<String>>();
        for (List<String> combination : combinations) {
          for (String value : axis.getValue()) {
            var extended = new ArrayList<>(combination);
            extended.add(axis.getKey() + "=" + value);
            next.add(extended);
          }
        }
        combinations = next;
      }
      combinations.forEach(c -> all.add(new Variant(String.join(",", c), c)));
    }
    return all;
  }

  /** The report's tables; by default one table of every variant. */
  public List<Table> tables() {
    if (tables == null || tables.isEmpty()) {
      return List.of(new Table(name, allVariants().stream().map(Variant::name).toList()));
    }
    return tables;
  }

}
