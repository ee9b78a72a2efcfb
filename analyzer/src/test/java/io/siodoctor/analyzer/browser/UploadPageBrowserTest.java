package io.siodoctor.analyzer.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.analyzer.Fixtures;
import io.siodoctor.analyzer.InputSource;
import io.siodoctor.analyzer.render.HtmlRenderer;
import io.siodoctor.analyzer.web.ServerOptions;
import io.siodoctor.analyzer.web.UploadServer;
import io.siodoctor.parsers.redact.SecretMasker;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
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
    assertThat(driver.findElements(By.cssSelector("svg.timeline g.lane"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("svg.timeline rect.decisive"))).isNotEmpty();

    // the decisive item is open; a closed one opens on a click and shows the request
    List<WebElement> evidence = driver.findElements(By.cssSelector("section.cause.rank-1 details.evidence"));
    assertThat(evidence.get(0).getAttribute("open")).isNotNull();
    WebElement closed = evidence.get(1);
    assertThat(closed.getAttribute("open")).isNull();
    assertThat(closed.findElement(By.cssSelector("pre.excerpt")).isDisplayed()).isFalse();
    closed.findElement(By.tagName("summary")).click();
    assertThat(closed.getAttribute("open")).isNotNull();
    assertThat(closed.findElement(By.cssSelector("pre.excerpt")).getText()).contains("/socket.io/");

    assertThat(driver.findElement(By.id("download-sanitized")).isDisplayed()).isTrue();
    screenshot();
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
      new HtmlRenderer().render(Analyzer.builtIn().analyzeWithTimeline(List.of(InputSource.of(har, "xss.har")))
          .mapText(SecretMasker::mask), w);
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
   * The picture of the report, kept in target/. The README's copy in docs/ is refreshed only on
   * request ({@code -Dsio.updateScreenshot=true}), so a test run never dirties a tracked file.
   */
  private static void screenshot() throws Exception {
    Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
    Path target = Fixtures.repoRoot().resolve("analyzer/target/report.png");
    Files.createDirectories(target.getParent());
    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    if (Boolean.getBoolean("sio.updateScreenshot")) {
      Path docs = Fixtures.repoRoot().resolve("docs/report-screenshot.png");
      Files.createDirectories(docs.getParent());
      Files.copy(shot, docs, StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(Files.size(target)).isGreaterThan(10_000);
  }
}
