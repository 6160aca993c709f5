package org.torch4j.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.File;
import java.io.IOException;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's PNG charts, drawn with JFreeChart: throughput against size per backend, and grouped bars per op. */
final class Charts {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private Charts() {
    }

    /**
     * A line per backend of throughput against size (log2 axis), with the machine's limits for one thread and
     * for all threads drawn as horizontal markers (skipped when NaN).
     */
    static void lines(File png, String title, String unit, List<Result> results, double peak1t, double peakAll)
            throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String backend : Backends.ALL) {
            XYSeries s = new XYSeries(backend);
            results.stream().filter(r -> r.backend().equals(backend)).forEach(r -> s.add(r.size(), Work.throughput(r)));
            if (!s.isEmpty()) {
                data.addSeries(s);
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "n", unit, data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = new LogAxis("n (matrix size, log scale)");
        x.setBase(2);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(new DecimalFormat("0"));
        plot.setDomainAxis(x);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String backend = (String) data.getSeriesKey(i);
            renderer.setSeriesPaint(i, color(backend));
            renderer.setSeriesStroke(i, backend.startsWith("PyTorch")
                    ? new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f)
                    : new BasicStroke(2.2f));
        }
        plot.setRenderer(renderer);
        double top = Math.max(data.getSeriesCount() == 0 ? 0 : maxY(data), Double.isNaN(peakAll) ? 0 : peakAll);
        plot.getRangeAxis().setRange(0, Math.max(top, Double.isNaN(peak1t) ? 0 : peak1t) * 1.08 + 1e-9);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        marker(plot, peak1t, "FMA peak, 1 thread");
        marker(plot, peakAll, "FMA peak, all threads");
        ChartUtils.saveChartAsPNG(png, chart, WIDTH, HEIGHT);
    }

    private static void marker(XYPlot plot, double value, String label) {
        if (Double.isNaN(value)) {
            return;
        }
        ValueMarker m = new ValueMarker(value, Color.GRAY, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        m.setLabel(label);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addRangeMarker(m);
    }

    private static double maxY(XYSeriesCollection data) {
        double max = 0;
        for (int i = 0; i < data.getSeriesCount(); i++) {
            max = Math.max(max, data.getSeries(i).getMaxY());
        }
        return max;
    }

    /** A fixed colour per backend, the same in every chart. */
    private static Color color(String backend) {
        switch (backend) {
            case Backends.SCALAR: return new Color(0x88, 0x88, 0x88);
            case Backends.VECTOR_1T: return new Color(0x1f, 0x77, 0xb4);
            case Backends.VECTOR_ALL: return new Color(0x2c, 0xa0, 0x2c);
            case Backends.TORCH_1T: return new Color(0xff, 0x7f, 0x0e);
            case Backends.CUDA: return new Color(0x94, 0x67, 0xbd);
            case Backends.TORCH_CUDA: return new Color(0x8c, 0x56, 0x4b);
            default: return new Color(0xd6, 0x27, 0x28);
        }
    }

    /** Grouped bars: one group per variant (op), one bar per backend, for results of one size. */
    static void bars(File png, String title, String unit, List<Result> results) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String backend : Backends.ALL) {
            for (Result r : results) {
                if (r.backend().equals(backend)) {
                    data.addValue(Work.throughput(r), backend, r.variant());
                }
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, "op", unit, data, PlotOrientation.VERTICAL,
                true, false, false);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        for (int i = 0; i < data.getRowCount(); i++) {
            chart.getCategoryPlot().getRenderer().setSeriesPaint(i, color((String) data.getRowKey(i)));
        }
        ((BarRenderer) chart.getCategoryPlot().getRenderer())
                .setBarPainter(new StandardBarPainter());
        chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(png, chart, WIDTH, HEIGHT);
    }
}
