package org.torch4j.examples;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.torch4j.Tensor;

/**
 * A line/scatter chart written as a PNG with JFreeChart: the examples' {@code matplotlib.pyplot}
 * ({@code plt.scatter}, {@code plt.plot}, {@code plt.savefig}).
 */
public final class Plot {
    /** Width of the saved images in pixels. */
    public static final int WIDTH = 800;
    /** Height of the saved images in pixels. */
    public static final int HEIGHT = 600;

    /** Where {@link #file} puts images: the system property {@code torch4j.plots}, by default {@code target/plots}. */
    public static final String DIRECTORY_PROPERTY = "torch4j.plots";

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private final XYPlot plot;
    private final JFreeChart chart;

    private Plot(String title, String xLabel, String yLabel) {
        NumberAxis xAxis = new NumberAxis(xLabel);
        NumberAxis yAxis = new NumberAxis(yLabel);
        xAxis.setAutoRangeIncludesZero(false);
        yAxis.setAutoRangeIncludesZero(false);
        plot = new XYPlot(null, xAxis, yAxis, null);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
    }

    /** {@code plt.figure(); plt.title(title); plt.xlabel(xLabel); plt.ylabel(yLabel)}. */
    public static Plot of(String title, String xLabel, String yLabel) {
        return new Plot(title, xLabel, yLabel);
    }

    /** {@code plt.scatter(x, y, label=name)}: x and y hold the same number of elements. */
    public Plot points(String name, Tensor x, Tensor y) {
        return add(series(name, x.toDoubleArray(), y.toDoubleArray()), false, true);
    }

    /** {@code plt.plot(x, y, label=name)}. */
    public Plot line(String name, Tensor x, Tensor y) {
        return add(series(name, x.toDoubleArray(), y.toDoubleArray()), true, false);
    }

    /** {@code plt.plot(values, label=name)}: values against their index. */
    public Plot line(String name, double[] values) {
        XYSeries s = new XYSeries(name, false);
        for (int i = 0; i < values.length; i++) {
            s.add(i, values[i]);
        }
        return add(s, true, false);
    }

    /** {@code plt.savefig(file)}: a {@link #WIDTH}×{@link #HEIGHT} PNG; creates missing folders. */
    public Path save(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The path of an image named {@code name} in the plot folder (see {@link #DIRECTORY_PROPERTY}). */
    public static Path file(String name) {
        return Path.of(System.getProperty(DIRECTORY_PROPERTY, "target/plots"), name);
    }

    private static XYSeries series(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must be the same size, got " + x.length + " and " + y.length);
        }
        XYSeries s = new XYSeries(name, false);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], y[i]);
        }
        return s;
    }

    private Plot add(XYSeries series, boolean lines, boolean shapes) {
        int index = plot.getDatasetCount();
        plot.setDataset(index, new XYSeriesCollection(series));
        plot.setRenderer(index, new XYLineAndShapeRenderer(lines, shapes));
        return this;
    }
}
