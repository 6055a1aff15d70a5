package org.chargeflex.cio.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.chargeflex.cio.support.Api;
import org.chargeflex.cio.support.Api.Credentials;
import org.chargeflex.cio.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser (Debian's headless chromium, installed by .ci/run) against the running application
 * with seeded data: the station list holds the stations, and the screenshot shows the plotted series.
 * The screenshot is kept as target/dashboard-screenshot.png for people to look at.
 */
class DashboardBrowserTest extends IntegrationTest {
    static final int WIDTH = 1280;
    static final int HEIGHT = 900;
    static final Path SCREENSHOT = Path.of("target", "dashboard-screenshot.png");
    /** The plot area's fill (dashboard.css {@code .plot-bg}). */
    static final int PLOT_BACKGROUND = 0xfbfcfd;

    @TempDir
    Path work;

    @BeforeAll
    static void chromiumIsInstalled() {
        assumeTrue(HeadlessChromium.available(), "skipped: " + HeadlessChromium.BINARY
                + " is missing (install Debian's chromium; .ci/run does)");
    }

    @Test
    void dashboardListsTheStationsAndPlotsTheirPower() throws Exception {
        DashboardScenario s = DashboardScenario.seed(api, jdbc);
        Credentials viewer = readOnlyUser();
        String url = "http://" + encode(viewer.user()) + ":" + encode(viewer.password()) + "@127.0.0.1:" + port
                + "/dashboard/index.html?hours=1&gcp=" + s.gridPoint + "&session=" + s.stationA + "/" + s.sessionA;
        HeadlessChromium chromium = new HeadlessChromium(work);

        Files.createDirectories(SCREENSHOT.getParent());
        String dom = chromium.capture(url, SCREENSHOT, WIDTH, HEIGHT);

        String stationTable = element(dom, "table", "station-table");
        for (String station : List.of(s.stationA, s.stationB, s.stationC)) {
            assertThat(stationTable).contains("data-station=\"" + station + "\"");
        }
        assertThat(stationTable).contains("Hauptbahnhof P1", "Alexanderplatz Garage", "Tempelhof Depot");
        assertThat(element(dom, "svg", "map")).contains("data-station=\"" + s.stationA + "\"");
        assertThat(element(dom, "table", "gcp-table")).contains(s.gridPoint, "40.0");
        assertThat(dom).containsPattern("<div id=\"error\"[^>]*hidden");
        String aggregatePlot = element(dom, "svg", "aggregate-plot");
        assertThat(aggregatePlot).contains("Grid limit 40.0 kW", "Power (kW)", "Time (");
        assertThat(element(dom, "svg", "session-plot")).contains("Schedule (max power)", "Measured power");

        BufferedImage image = ImageIO.read(SCREENSHOT.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        // The aggregate plot is in the left half of the page, the session plot in the right half. Within each plot
        // area (its background colour's bounding box, which excludes the legend), count the pixel columns that show
        // the series colour: an empty frame has none.
        Rectangle aggregate = plotArea(image, 0, WIDTH / 2);
        assertThat(aggregate.width).as("aggregate plot area").isGreaterThan(400);
        // 50 of the 60 minutes of the window have values
        assertThat(columnsWith(image, aggregate, 0x1565c0)).as("aggregate power series")
                .isGreaterThan(aggregate.width * 7 / 10);
        // dashed 8 on, 5 off: about 60 % of the columns
        assertThat(columnsWith(image, aggregate, 0xc62828)).as("grid limit line").isGreaterThan(aggregate.width / 2);
        Rectangle session = plotArea(image, WIDTH / 2, WIDTH);
        assertThat(session.width).as("session plot area").isGreaterThan(400);
        assertThat(columnsWith(image, session, 0xef6c00)).as("session schedule series").isGreaterThan(session.width / 2);
        assertThat(columnsWith(image, session, 0x2e7d32)).as("session measured series").isGreaterThan(30);
    }

    /** The bounding box of the plot background colour between columns x0 and x1. */
    static Rectangle plotArea(BufferedImage image, int x0, int x1) {
        Rectangle box = null;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = x0; x < x1; x++) {
                if ((image.getRGB(x, y) & 0xffffff) == PLOT_BACKGROUND) {
                    box = box == null ? new Rectangle(x, y, 1, 1) : box.union(new Rectangle(x, y, 1, 1));
                }
            }
        }
        assertThat(box).as("a plot background between x = %d and %d", x0, x1).isNotNull();
        return box;
    }

    /** How many pixel columns of the box hold a pixel close to the colour. */
    static int columnsWith(BufferedImage image, Rectangle box, int rgb) {
        int columns = 0;
        for (int x = box.x; x < box.x + box.width; x++) {
            for (int y = box.y; y < box.y + box.height; y++) {
                if (close(image.getRGB(x, y), rgb)) {
                    columns++;
                    break;
                }
            }
        }
        return columns;
    }

    private static boolean close(int a, int b) {
        int dr = ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
        int dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
        int db = (a & 0xff) - (b & 0xff);
        return Math.abs(dr) <= 12 && Math.abs(dg) <= 12 && Math.abs(db) <= 12;
    }

    /** The element {@code <tag id="id"...>...</tag>} (not nested in itself) of the dumped DOM. */
    private static String element(String dom, String tag, String id) {
        Matcher m = Pattern.compile("<" + tag + "[^>]*id=\"" + id + "\".*?</" + tag + ">", Pattern.DOTALL).matcher(dom);
        assertThat(m.find()).as("element %s#%s in the DOM", tag, id).isTrue();
        return m.group();
    }

    private Credentials readOnlyUser() {
        Api.Response r = api.post("/api/v1/admin/users", ADMIN,
                Map.of("name", unique("wallboard"), "roles", List.of("READ_ONLY")));
        assertThat(r.status()).isEqualTo(201);
        return new Credentials(r.json().get("name").asString(), r.json().get("password").asString());
    }

    /** Percent-encodes everything but unreserved characters (RFC 3986), for the URL's user info. */
    private static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
