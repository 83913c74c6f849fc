package mm7gw.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** A small line chart (throughput against concurrency, one line per series) drawn with Java2D into a PNG. */
final class Plot {
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b)};

    private Plot() {
    }

    /** @param series name -> points (x = concurrency, y = requests/s) */
    static void throughput(Path file, String title, Map<String, List<double[]>> series) throws IOException {
        int w = 900, h = 520, left = 80, right = 220, top = 50, bottom = 60;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double maxX = 1, maxY = 1;
        for (List<double[]> points : series.values()) {
            for (double[] p : points) {
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        maxY = niceCeiling(maxY);
        int plotW = w - left - right, plotH = h - top - bottom;
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, left, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(left, top + plotH, left + plotW, top + plotH);
        g.drawLine(left, top, left, top + plotH);
        for (int i = 0; i <= 5; i++) {
            int y = top + plotH - i * plotH / 5;
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(left + 1, y, left + plotW, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format("%.0f", maxY * i / 5), 10, y + 4);
        }
        Map<Double, Boolean> ticks = new LinkedHashMap<>();
        series.values().forEach(points -> points.forEach(p -> ticks.put(p[0], true)));
        for (double x : ticks.keySet()) {
            int px = left + (int) (x / maxX * plotW);
            g.drawString(String.format("%.0f", x), px - 6, top + plotH + 18);
        }
        g.drawString("concurrent clients", left + plotW / 2 - 50, h - 15);
        g.drawString("req/s", 10, top - 10);
        int legend = 0;
        for (Map.Entry<String, List<double[]>> s : series.entrySet()) {
            Color c = COLOURS[legend % COLOURS.length];
            g.setColor(c);
            g.setStroke(new BasicStroke(2.5f));
            int[] prev = null;
            for (double[] p : s.getValue()) {
                int px = left + (int) (p[0] / maxX * plotW);
                int py = top + plotH - (int) (p[1] / maxY * plotH);
                g.fillOval(px - 4, py - 4, 8, 8);
                if (prev != null) {
                    g.drawLine(prev[0], prev[1], px, py);
                }
                prev = new int[] {px, py};
            }
            g.fillRect(w - right + 20, top + 10 + legend * 22, 14, 14);
            g.setColor(Color.DARK_GRAY);
            g.drawString(s.getKey(), w - right + 40, top + 22 + legend * 22);
            legend++;
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
