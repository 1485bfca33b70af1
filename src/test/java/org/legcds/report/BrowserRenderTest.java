package org.legcds.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the assessment pages of the example cases in a real headless Chromium (Debian package {@code chromium};
 * {@code .ci/run} installs it) and checks that the graph is drawn: after layout, a probe script measures every node and
 * edge, and a screenshot must be neither blank nor without the red-flag colour. Skipped when no Chromium is installed,
 * unless {@code -Dlegcds.requireBrowser=true} (as in CI). {@code -Dlegcds.regenerateGoldens=true} also saves the README
 * screenshot, {@code docs/assessment-graph.png}.
 */
class BrowserRenderTest {

    /** The red-flag fill, #d32f2f. */
    private static final int RED_FLAG = 0xd32f2f;
    private static final String PROBE = """
            <script>
            (function () {
              function seen(el) {
                var box = el.getBoundingClientRect(), style = getComputedStyle(el);
                return {w: box.width, h: box.height, visible: style.visibility !== 'hidden'
                    && style.display !== 'none' && style.opacity !== '0'};
              }
              var out = [];
              document.querySelectorAll('g.node').forEach(function (g) {
                var rect = g.querySelector('rect'), s = seen(rect);
                out.push('node|' + g.getAttribute('class') + '|' + s.w + '|' + s.h + '|' + s.visible + '|'
                    + getComputedStyle(rect).fill + '|' + getComputedStyle(rect).strokeDasharray);
              });
              document.querySelectorAll('g.edge path').forEach(function (p) {
                var s = seen(p);
                out.push('edge|' + p.parentNode.getAttribute('class') + '|' + p.getTotalLength() + '|' + s.visible
                    + '|' + p.parentNode.getAttribute('data-rules'));
              });
              var pre = document.createElement('pre');
              pre.id = 'probe';
              pre.textContent = out.join('\\n');
              document.body.appendChild(pre);
            })();
            </script>
            """;

    private static String chromium;

    @TempDir
    Path work;

    @BeforeAll
    static void findChromium() {
        chromium = Stream.of(System.getProperty("legcds.chromium", ""), "chromium", "chromium-browser",
                        "google-chrome")
                .filter(name -> !name.isEmpty())
                .map(BrowserRenderTest::onPath).filter(p -> p != null).findFirst().orElse(null);
        if (chromium == null && Boolean.getBoolean("legcds.requireBrowser")) {
            fail("no Chromium found (apt-get install chromium), and -Dlegcds.requireBrowser=true");
        }
        Assumptions.assumeTrue(chromium != null, "no Chromium installed: browser rendering not checked");
    }

    private static String onPath(String name) {
        if (name.contains(File.separator)) {
            return Files.isExecutable(Path.of(name)) ? name : null;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    @TestFactory
    Stream<DynamicTest> everyExampleGraphIsDrawnWithVisibleNodesAndEdges() {
        return Goldens.exampleCases().stream().map(file -> DynamicTest.dynamicTest(Goldens.name(file), () -> {
            Goldens.Assessed assessed = Goldens.assess(file);
            String html = AssessmentPage.render(assessed.patientCase(), assessed.assessment());
            ExplanationGraph graph = ExplanationGraph.of(assessed.assessment());
            Path page = work.resolve(Goldens.name(file) + ".html");
            Files.writeString(page, html.replace("</body>", PROBE + "</body>"), StandardCharsets.UTF_8);
            String dom = run("--dump-dom", page.toUri().toString());
            Matcher probe = java.util.regex.Pattern.compile("(?s)<pre id=\"probe\">(.*?)</pre>").matcher(dom);
            assertTrue(probe.find(), "the probe ran in the browser:\n" + dom.substring(0, Math.min(2000, dom.length())));
            List<String[]> nodes = new ArrayList<>();
            List<String[]> edges = new ArrayList<>();
            for (String line : probe.group(1).split("\n")) {
                String[] fields = line.split("\\|", -1);
                (fields[0].equals("node") ? nodes : edges).add(fields);
            }
            assertEquals(graph.nodes().size(), nodes.size(), "every node is in the rendered DOM");
            assertEquals(graph.edges().size(), edges.size(), "every edge is in the rendered DOM");
            assertAll(nodes.stream().map(n -> () -> assertTrue(Double.parseDouble(n[2]) > 50
                    && Double.parseDouble(n[3]) > 20 && n[4].equals("true"), "node drawn and visible: "
                    + String.join("|", n))));
            assertAll(edges.stream().map(e -> () -> assertTrue(Double.parseDouble(e[2]) > 10 && e[3].equals("true")
                    && !e[4].isEmpty(), "edge drawn, visible and labelled with its rule: " + String.join("|", e))));
            boolean redFlag = !assessed.assessment().redFlags().isEmpty();
            assertEquals(redFlag, nodes.stream().anyMatch(n -> n[1].contains("red-flag")
                    && n[5].equals("rgb(211, 47, 47)")), "a red-flag node is drawn in the red-flag colour");
            if (!assessed.assessment().notEvaluated().isEmpty()) {
                assertTrue(nodes.stream().anyMatch(n -> n[1].contains("open-check") && !n[6].equals("none")),
                        "open checks are dashed");
            }
        }));
    }

    @Test
    void screenshotOfAGraphWithARedFlagIsNotBlankAndShowsTheRedFlag() throws Exception {
        Goldens.Assessed assessed = Goldens.assess(Path.of("examples/cases/cauda-equina.json"));
        String html = AssessmentPage.render(assessed.patientCase(), assessed.assessment());
        // the graph alone, so that the red of the urgency banner cannot stand in for the red-flag node
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + 6);
        Path graphPage = work.resolve("graph.html");
        Files.writeString(graphPage, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>"
                + "<body style=\"margin:0;background:#fff\">" + svg + "</body></html>", StandardCharsets.UTF_8);
        Path png = work.resolve("graph.png");
        run("--screenshot=" + png, "--window-size=1560,960", graphPage.toUri().toString());
        BufferedImage image = ImageIO.read(png.toFile());
        Set<Integer> colours = new HashSet<>();
        long nonWhite = 0;
        long red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                nonWhite += rgb == 0xffffff ? 0 : 1;
                red += near(rgb, RED_FLAG) ? 1 : 0;
            }
        }
        long pixels = (long) image.getWidth() * image.getHeight();
        assertTrue(colours.size() > 50, "not blank: " + colours.size() + " colours");
        assertTrue(nonWhite > pixels / 20, "not blank: " + nonWhite + " of " + pixels + " pixels drawn");
        assertTrue(red > 5000, "the red-flag node is drawn in its colour: " + red + " pixels");
        if (Goldens.REGENERATE) {
            Path shot = work.resolve("page.png");
            run("--screenshot=" + shot, "--window-size=1560,960", graphPage.toUri().toString());
            Files.createDirectories(Path.of("docs"));
            Files.copy(shot, Path.of("docs/assessment-graph.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean near(int rgb, int target) {
        return Math.abs((rgb >> 16 & 0xff) - (target >> 16 & 0xff)) < 12
                && Math.abs((rgb >> 8 & 0xff) - (target >> 8 & 0xff)) < 12
                && Math.abs((rgb & 0xff) - (target & 0xff)) < 12;
    }

    /** Runs headless Chromium with a fresh profile, no network services; returns its stdout. */
    private String run(String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "profile");
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=" + profile));
        command.addAll(List.of(arguments));
        Path stdout = work.resolve("chromium.out");
        Path stderr = work.resolve("chromium.err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Chromium did not finish in 120 s: " + command);
        }
        assertEquals(0, process.exitValue(), () -> "Chromium failed: " + command + "\n" + read(stderr));
        return read(stdout);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
