package io.htlnet.train;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** XChart line charts as the project draws them, and a grid of them written as one PNG, atomically. */
public final class Charts {
  private Charts() {}

  public static XYChart line(String title, String x, String y) {
    XYChart chart = new XYChartBuilder().width(640).height(400).title(title).xAxisTitle(x).yAxisTitle(y).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    return chart;
  }

  /** Writes {@code charts} as a grid with {@code columns} charts a row. */
  public static void writePng(Path file, List<XYChart> charts, int columns) {
    int rows = (charts.size() + columns - 1) / columns;
    AtomicFiles.write(file, tmp -> {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        BitmapEncoder.saveBitmap(charts, rows, columns, out, BitmapEncoder.BitmapFormat.PNG);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
