package io.siodoctor.analyzer.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.analyzer.Fixtures;
import io.siodoctor.analyzer.InputSource;
import io.siodoctor.analyzer.render.HtmlRenderer;
import io.siodoctor.analyzer.render.Redaction;
import io.siodoctor.analyzer.web.ServerOptions;
import io.siodoctor.analyzer.web.UploadServer;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The support engineer's path in a real browser: open the page, choose a capture, read the top
 * cause, open an evidence item, see the timeline; and a HAR full of script payloads runs nothing.
 * One browser for the class keeps it to a few seconds.
 */
class UploadPageBrowserTest {
  @TempDir
  static Path tmp;
  private static UploadServer server;
  /** A second server, started with {@code --index} over a tiny log with a script payload in it. */
  private static UploadServer searchServer;
  private static ChromeDriver driver;
  static final String XSS_SID = "XssSid0000000000001";

  @BeforeAll
  static void start() throws Exception {
    assertThat(Chromium.installed()).as("needs /usr/bin/chromium and /usr/bin/chromedriver (.ci/run installs them)").isTrue();
    server = UploadServer.start(ServerOptions.defaults().withPort(0));
    searchServer = UploadServer.start(ServerOptions.defaults().withPort(0).withIndex(xssIndex()));
    driver = Chromium.start(tmp.resolve("profile"));
  }

  /** An on-disk index of one hostile log line (built with the {@code index} command). */
  private static Path xssIndex() throws Exception {
    Path log = Files.createDirectories(tmp.resolve("hostile")).resolve("node-x.log");
    Files.writeString(log, "2026-11-26T03:31:56.946Z app [node-b] connection_error code 1 Session ID unknown "
        + "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\"> "
        + "/socket.io/?EIO=4&transport=polling&token=SuperSecret123&sid=" + XSS_SID + "\n", StandardCharsets.UTF_8);
    Path index = tmp.resolve("hostile-index");
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int exit = io.siodoctor.analyzer.cli.Main.run(new String[] {"index", log.toString(), "--index", index.toString()},
        new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isIn(0, 1);
    return index;
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
    if (searchServer != null) {
      searchServer.close();
    }
  }

  /** Opens the upload page, chooses the files and waits for the report to be shown. */
  private static void upload(Path... files) {
    driver.get(server.url());
    WebElement input = driver.findElement(By.id("file"));
    input.sendKeys(String.join("\n", java.util.Arrays.stream(files).map(p -> p.toAbsolutePath().toString()).toList()));
    driver.findElement(By.id("analyze")).click();
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "ready".equals(
        d.findElement(By.tagName("body")).getAttribute("data-report"))
        || !d.findElement(By.id("error")).getText().isEmpty());
    assertThat(driver.findElement(By.id("error")).getText()).isEmpty();
  }

  @Test
  void aSampleCaptureShowsItsTopCauseEvidenceAndTimeline() throws Exception {
    upload(Fixtures.sampleHar("sticky-session-missing--nginx-two-nodes"));

    assertThat(driver.findElement(By.id("top-cause")).getText()).isEqualTo("sticky-session-missing");
    assertThat(driver.findElement(By.cssSelector("section.cause.rank-1")).getAttribute("data-cause-id"))
        .isEqualTo("sticky-session-missing");
    WebElement timeline = driver.findElement(By.cssSelector("svg.timeline"));
    assertThat(timeline.isDisplayed()).isTrue();
    assertThat(driver.findElements(By.cssSelector(".tl-failing .tl-row.lane"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("svg.timeline rect.decisive"))).isNotEmpty();
    // the progress bar is gone once the answer is there
    assertThat(driver.findElement(By.id("progress")).isDisplayed()).isFalse();

    // the decisive item of the "why" section is open; a closed one opens on a click and shows the request
    WebElement open = driver.findElement(By.cssSelector("section.cause.rank-1 details.evidence.decisive"));
    assertThat(open.getAttribute("open")).isNotNull();
    WebElement closed = driver.findElement(By.cssSelector("section.cause.rank-1 details.evidence:not(.decisive)"));
    assertThat(closed.getAttribute("open")).isNull();
    assertThat(closed.findElement(By.cssSelector("pre.excerpt")).isDisplayed()).isFalse();
    scrollTo(closed);
    closed.findElement(By.tagName("summary")).click();
    assertThat(closed.getAttribute("open")).isNotNull();
    assertThat(closed.findElement(By.cssSelector("pre.excerpt")).getText()).contains("/socket.io/");

    assertThat(driver.findElement(By.id("download-sanitized")).isDisplayed()).isTrue();
  }

  /** The sticky-session capture with both nodes' logs and the proxy's access log: the full picture. */
  private static Path[] stickyWithLogs() {
    Path dir = Fixtures.repoRoot().resolve("sample-captures/sticky-session-missing--nginx-two-nodes");
    return new Path[] {dir.resolve("capture.har"), dir.resolve("node-a.log"), dir.resolve("node-b.log"), dir.resolve("access.log")};
  }

  @Test
  void theTopCausesFixIsVisibleWithoutScrollingOnDesktopAndPhone() throws Exception {
    try {
      for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
        resize(size[0], size[1]);
        upload(stickyWithLogs());
        WebElement fix = driver.findElement(By.cssSelector("#top-fix .fix-head"));
        Map<String, Object> box = rect(fix);
        long viewport = viewportHeight();
        assertThat(((Number) box.get("top")).doubleValue()).as("fix top at %dx%d", size[0], size[1]).isGreaterThanOrEqualTo(0);
        assertThat(((Number) box.get("bottom")).doubleValue()).as("fix bottom at %dx%d (viewport %d)", size[0], size[1], viewport)
            .isLessThanOrEqualTo(viewport);
        assertThat(fix.getText()).contains("Route every request of a session to the same node").contains("upstream");
        assertThat(((Number) js("return window.scrollY")).doubleValue()).isZero();
        screenshot(size[0] < 500 ? "report-phone.png" : "report-desktop.png");
      }
    } finally {
      resize(1280, 1700);
    }
  }

  @Test
  void noHorizontalScrollAt360PixelsAndTheTimelineScrollsOnItsOwn() throws Exception {
    try {
      resize(360, 740);
      upload(stickyWithLogs());
      long scrollWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
      long clientWidth = ((Number) js("return document.documentElement.clientWidth")).longValue();
      assertThat(scrollWidth).as("page width at 360 px").isLessThanOrEqualTo(clientWidth);
      // the timeline keeps legible marks by scrolling inside its own box
      WebElement scroller = driver.findElement(By.cssSelector(".tl-failing .tl-scroll"));
      long inner = ((Number) js("return arguments[0].scrollWidth", scroller)).longValue();
      long outer = ((Number) js("return arguments[0].clientWidth", scroller)).longValue();
      assertThat(inner).isGreaterThan(outer);
      // ids and times are not broken mid-token: a session id stays on one line
      WebElement sid = driver.findElement(By.cssSelector("ol.rows li.tr-row .sid"));
      Map<String, Object> box = rect(sid);
      assertThat(((Number) box.get("height")).doubleValue()).isLessThan(24);
    } finally {
      resize(1280, 1700);
    }
  }

  @Test
  void clickingATimelineMarkHighlightsItsRequestRow() throws Exception {
    upload(stickyWithLogs());
    WebElement mark = driver.findElement(By.cssSelector(".tl-failing a.mark-link rect.mark.k-error"));
    WebElement link = mark.findElement(By.xpath(".."));
    String rowId = link.getAttribute("data-row");
    scrollTo(link);
    mark.click();
    WebElement row = driver.findElement(By.id(rowId));
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> row.getAttribute("class").contains(" hl"));
    assertThat(row.findElement(By.tagName("details")).getAttribute("open")).isNotNull();
    assertThat(row.findElement(By.cssSelector(".status")).getText()).isNotEmpty();
    Map<String, Object> box = rect(row);
    assertThat(((Number) box.get("top")).doubleValue()).isBetween(0.0, (double) viewportHeight());
    // only one row is highlighted; the keyboard gets there too (Enter on a focused mark)
    assertThat(driver.findElements(By.cssSelector("li.tr-row.hl"))).hasSize(1);
    List<WebElement> links = driver.findElements(By.cssSelector(".tl-failing a.mark-link"));
    WebElement other = links.get(links.size() - 1);
    String otherRow = other.getAttribute("data-row");
    js("arguments[0].focus()", other);
    new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.findElement(By.id(otherRow)).getAttribute("class").contains(" hl"));
    // an evidence row's link does the same
    WebElement decisiveLink = driver.findElement(By.cssSelector("#decisive-evidence a.to-row"));
    String target = decisiveLink.getAttribute("href").replaceAll(".*#", "");
    js("arguments[0].closest('details').open = true", decisiveLink);
    scrollTo(decisiveLink);
    decisiveLink.click();
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.findElement(By.id(target)).getAttribute("class").contains(" hl"));
  }

  @Test
  void filtersNarrowTheRequestList() throws Exception {
    upload(stickyWithLogs());
    int all = visibleRows();
    assertThat(all).isGreaterThan(20);
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-status"))).selectByValue("error");
    int errors = visibleRows();
    assertThat(errors).isPositive().isLessThan(all);
    for (WebElement r : driver.findElements(By.cssSelector("li.tr-row"))) {
      if (r.isDisplayed()) {
        assertThat(r.getAttribute("data-status")).isEqualTo("error");
      }
    }
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-node"))).selectByValue("node-b");
    int errorsOnB = visibleRows();
    assertThat(errorsOnB).isPositive().isLessThan(errors);
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-status"))).selectByValue("");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-node"))).selectByValue("");
    WebElement text = driver.findElement(By.id("f-text"));
    text.sendKeys("Session ID unknown");
    int matching = visibleRows();
    assertThat(matching).isPositive().isLessThan(all);
    assertThat(driver.findElement(By.id("f-count")).getText()).isEqualTo(matching + " of " + all + " rows");
    text.clear();
    text.sendKeys(" ");
    String sid = new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-session"))).getOptions().get(1).getAttribute("value");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-session"))).selectByValue(sid);
    int oneSession = visibleRows();
    assertThat(oneSession).isPositive().isLessThan(all);
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-transport"))).selectByValue("websocket");
    assertThat(visibleRows()).isLessThan(oneSession);
  }

  @Test
  void theCompareFormShowsTheDecisiveDifferenceFirst() {
    driver.get(server.url());
    Path root = Fixtures.repoRoot().resolve("sample-captures");
    driver.findElement(By.id("working")).sendKeys(root.resolve("healthy--nginx-websocket-proxy/capture.har").toString());
    driver.findElement(By.id("failing")).sendKeys(root.resolve("websocket-upgrade-blocked--nginx-no-upgrade-headers/capture.har").toString());
    driver.findElement(By.id("compareButton")).click();
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("sio-diff")).isEmpty());
    WebElement first = driver.findElement(By.id("diff-1"));
    assertThat(first.getAttribute("data-aspect")).isEqualTo("upgrade");
    assertThat(first.findElement(By.cssSelector(".failing")).getText()).contains("Unexpected response code: 400");
    assertThat(first.findElement(By.cssSelector(".working")).getText()).contains("101");
    assertThat(driver.findElement(By.id("failing-verdict")).getText()).isEqualTo("problems");
  }

  private static int visibleRows() {
    return ((Number) js("return Array.prototype.filter.call(document.querySelectorAll('li.tr-row'), function (r) { return !r.hidden; }).length")).intValue();
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> rect(WebElement e) {
    return (Map<String, Object>) js("var r = arguments[0].getBoundingClientRect(); "
        + "return {top: r.top, bottom: r.bottom, height: r.height, width: r.width};", e);
  }

  private static long viewportHeight() {
    return ((Number) js("return window.innerHeight")).longValue();
  }

  private static void scrollTo(WebElement e) {
    js("arguments[0].scrollIntoView({block: 'center'})", e);
  }

  /** Sets the viewport (not the window) to the given size: headless windows have no chrome, but check. */
  private static void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    long w = ((Number) js("return window.innerWidth")).longValue();
    long h = ((Number) js("return window.innerHeight")).longValue();
    if (w != width || h != height) {
      driver.manage().window().setSize(new Dimension(2 * width - (int) w, 2 * height - (int) h));
    }
  }

  @Test
  void aHarFullOfScriptPayloadsExecutesNothing() {
    upload(Fixtures.fixture("xss.har"));
    assertNothingRan();
    // the payloads are on the page as text
    assertThat(driver.findElement(By.id("sio-report")).getText()).contains("<script>window.__xss=1</script>");
  }

  @Test
  void theStandaloneHtmlReportExecutesNothingEither() throws Exception {
    Path har = Fixtures.fixture("xss.har");
    Path html = tmp.resolve("report.html");
    try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
      Redaction.MASKED.render(new HtmlRenderer(), Analyzer.builtIn().analyze(List.of(InputSource.of(har, "xss.har"))), w);
    }
    driver.get(html.toUri().toString());
    assertThat(driver.findElement(By.id("top-cause")).getText()).isEqualTo("server-unreachable");
    assertNothingRan();
    // our own (nonce'd) script did run: the download button has its handler, so clicking it throws nothing
    driver.findElement(By.id("download-json")).click();
  }

  @Test
  void theSearchBoxShowsHostileIndexedTextAsText() {
    driver.get(searchServer.url());
    WebElement box = driver.findElement(By.id("searchQuery"));
    box.sendKeys("sid:" + XSS_SID);
    driver.findElement(By.id("searchButton")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.tagName("body")).getAttribute("data-search") != null);
    assertThat(driver.findElement(By.id("searchError")).getText()).isEmpty();
    assertThat(driver.findElement(By.id("searchStatus")).getText()).startsWith("1 event(s) match");

    List<WebElement> headers = driver.findElements(By.cssSelector("#search-table thead th"));
    assertThat(headers).extracting(WebElement::getText)
        .containsExactly("time", "file", "location", "node", "sid", "kind", "causes", "text");
    List<WebElement> rows = driver.findElements(By.cssSelector("#search-table tbody tr.hit"));
    assertThat(rows).hasSize(1);
    WebElement row = rows.get(0);
    assertThat(row.findElement(By.cssSelector("td.time")).getText()).isEqualTo("2026-11-26T03:31:56.946Z");
    assertThat(row.findElement(By.cssSelector("td.file")).getText()).endsWith("node-x.log");
    assertThat(row.findElement(By.cssSelector("td.location")).getText()).isEqualTo("line 1");
    assertThat(row.findElement(By.cssSelector("td.sid")).getText()).isEqualTo(XSS_SID);
    String text = row.findElement(By.cssSelector("td.text")).getText();
    // the payload is on the page as text, redacted like a report, and nothing ran
    assertThat(text).contains("<script>window.__xss=1</script>").contains("<img src=x").doesNotContain("SuperSecret123");
    assertThat(driver.findElements(By.cssSelector("#searchResults script, #searchResults img"))).isEmpty();
    assertThat(((JavascriptExecutor) driver).executeScript("return typeof window.__xss")).isEqualTo("undefined");

    // a bad query shows the server's one-line message
    box.clear();
    box.sendKeys("sid:(");
    driver.findElement(By.id("searchButton")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "error".equals(d.findElement(By.tagName("body")).getAttribute("data-search")));
    assertThat(driver.findElement(By.id("searchError")).getText()).startsWith("Error 400: cannot parse the query");
    assertThat(driver.findElements(By.id("search-table"))).isEmpty();
  }

  @Test
  void withoutAnIndexThePageHasNoSearchBox() {
    driver.get(server.url());
    assertThat(driver.findElements(By.id("searchQuery"))).isEmpty();
  }

  private static void assertNothingRan() {
    Object xss = ((JavascriptExecutor) driver).executeScript("return typeof window.__xss");
    assertThat(xss).isEqualTo("undefined");
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    assertThat(driver.findElements(By.cssSelector("#sio-report img"))).isEmpty();
  }

  /**
   * The picture of the report, kept in target/. The README's copies in docs/ are refreshed only on
   * request ({@code -Dsio.updateScreenshot=true}), so a test run never dirties a tracked file.
   */
  private static void screenshot(String name) throws Exception {
    Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
    Path target = Fixtures.repoRoot().resolve("analyzer/target/" + name);
    Files.createDirectories(target.getParent());
    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    if (Boolean.getBoolean("sio.updateScreenshot")) {
      Path docs = Fixtures.repoRoot().resolve("docs/" + name);
      Files.createDirectories(docs.getParent());
      Files.copy(shot, docs, StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(Files.size(target)).isGreaterThan(10_000);
  }
}
