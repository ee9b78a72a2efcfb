package io.siodoctor.analyzer.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.analyzer.Analysis;
import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.analyzer.Fixtures;
import io.siodoctor.analyzer.InputSource;
import io.siodoctor.analyzer.rank.RankedReport;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlRendererTest {

  private static String html(Path har) throws IOException {
    Analysis a = Analyzer.builtIn().analyze(List.of(InputSource.of(har, har.getFileName().toString())));
    StringWriter w = new StringWriter();
    Redaction.MASKED.render(new HtmlRenderer(), a, w);
    return w.toString();
  }

  @Test
  void scriptAndAttributePayloadsFromTheHarRenderAsText() throws IOException {
    String html = html(Fixtures.fixture("xss.har"));

    assertThat(html).doesNotContain("<script>window").doesNotContain("<img");
    // every real tag starts with an unescaped '<'; none of them carries an event handler from the HAR
    assertThat(html).doesNotContainPattern("<[a-z][^<>]*\\son[a-z]+=");
    // the payloads are there, as text: in evidence, in timeline titles
    assertThat(html).contains("&lt;script&gt;window.__xss=1&lt;/script&gt;")
        .contains("\"&gt;&lt;img src=x onerror=");
    // the only scripts are ours: the embedded JSON and the nonce'd download button
    Matcher scripts = Pattern.compile("<script[^>]*>").matcher(html);
    int n = 0;
    while (scripts.find()) {
      assertThat(scripts.group()).matches("<script (type=\"application/json\" id=\"report-json\"|nonce=\"[A-Za-z0-9+/=]+\")>");
      n++;
    }
    assertThat(n).isEqualTo(2);
    String json = html.substring(html.indexOf("id=\"report-json\">"), html.indexOf("</script>", html.indexOf("id=\"report-json\">")));
    assertThat(json).doesNotContain("<").contains("\\u003cscript\\u003e");
  }

  @Test
  void thePageIsSelfContainedWithAContentSecurityPolicy() throws IOException {
    String html = html(Fixtures.fixture("xss.har"));
    assertThat(html).startsWith("<!DOCTYPE html>")
        .containsPattern("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            + "style-src 'nonce-[^']+'; script-src 'nonce-[^']+'; img-src data:;");
    assertThat(html).doesNotContain("unsafe-inline").doesNotContain(" style=\"");
    // nothing is loaded from anywhere: no src attributes, no stylesheets, no http(s) in url()
    assertThat(html).doesNotContainPattern("\\ssrc=\"").doesNotContain("<link").doesNotContain("url(http")
        .doesNotContain("@import");
    String nonce = between(html, "'nonce-", "'");
    assertThat(html).contains("<script nonce=\"" + nonce + "\">").contains("<style nonce=\"" + nonce + "\">");
    // no inline style attributes: a nonce policy without 'unsafe-inline' would block them
    assertThat(html).doesNotContain(" style=\"");
  }

  @Test
  void theAnswerComesFirstWithTheFixAndTheMostDecisiveEvidence() throws IOException {
    String html = html(Fixtures.fixture("xss.har"));
    int answer = html.indexOf("<section class=\"answer answer-problems\" id=\"answer\"");
    int fix = html.indexOf("<div class=\"fix\" id=\"top-fix\">");
    int decisive = html.indexOf("<div class=\"decisive-evidence\" id=\"decisive-evidence\">");
    int timeline = html.indexOf("<section id=\"timeline-section\"");
    int requests = html.indexOf("<section id=\"requests\"");
    int why = html.indexOf("<section class=\"cause rank-1\"");
    assertThat(answer).isPositive();
    assertThat(fix).isGreaterThan(answer);
    assertThat(decisive).isGreaterThan(fix);
    assertThat(timeline).isGreaterThan(decisive);
    assertThat(requests).isGreaterThan(timeline);
    assertThat(why).isGreaterThan(requests);
    // the trust line: tool version, generated-at, inputs, right under the title
    assertThat(html).containsPattern("<p class=\"trust\" id=\"trust\"><span class=\"nowrap\">sio-doctor [0-9.]+</span> · "
        + "<span class=\"nowrap\">generated <time datetime=\"20[0-9-]+T[0-9:]+Z\">")
        .contains("<span class=\"chip\" title=\"xss.har\">xss.har · har · ");
  }

  @Test
  void anInconclusiveReportPutsSymptomsWhatToCollectAndTheCaptureProfileFirst() throws IOException {
    String html = html(Fixtures.sampleHar("auth-rejected--playwright-omit-bearer-header"));
    assertThat(html).contains("id=\"verdict\">inconclusive<");
    int answer = html.indexOf("<section class=\"answer answer-inconclusive\" id=\"answer\"");
    int proven = html.indexOf("<h2 id=\"top-title\">No cause proven</h2>");
    int symptoms = html.indexOf("<ul class=\"symptoms\" id=\"symptoms\">");
    int next = html.indexOf("<ul class=\"next\" id=\"next\">");
    int capture = html.indexOf("<div class=\"capture-profile\" id=\"capture-profile\">");
    int answerEnd = html.indexOf("</section>", answer);
    assertThat(answer).isPositive();
    assertThat(proven).isGreaterThan(answer);
    assertThat(symptoms).isGreaterThan(proven);
    assertThat(next).isGreaterThan(symptoms);
    assertThat(capture).isGreaterThan(next).isLessThan(answerEnd);
    assertThat(html.substring(capture, html.indexOf("</div>", capture))).contains("captured by playwright")
        .contains("response bodies (all)");
    assertThat(html).contains("<li data-symptom=\"no-working-session\">");
  }

  @Test
  void evidenceRowsShowTheRequestAndItsDecodedPackets() throws IOException {
    String html = html(Fixtures.fixture("xss.har"));
    String decisive = html.substring(html.indexOf("<div class=\"decisive-evidence\""));
    decisive = decisive.substring(0, decisive.indexOf("</details>"));
    // method, path and query cut at parameters, status or error, time and place
    assertThat(decisive).contains("<span class=\"method\">GET</span>").contains("<wbr>/socket.io<wbr>/<wbr>?EIO=4<wbr>&amp;transport=polling")
        .contains("<span class=\"status\">failed: net::ERR_CONNECTION_REFUSED &lt;script&gt;")
        .contains("xss.har entries[0]").contains("<a class=\"to-row\" href=\"#r");
    // a polling request of the session expands to its decoded Engine.IO / Socket.IO packets
    assertThat(html).contains("<li><code>← 0{\"sid\":\"XSSsidAAAAAAAAAAAAAA\"").contains("  · open</code></li>");
  }

  @Test
  void theRequestListCarriesWhatTheFiltersNeedAndMarksTheDecisiveRows() throws IOException {
    String html = html(Fixtures.fixture("xss.har"));
    assertThat(html).contains("<select id=\"f-session\"><option value=\"\">all</option><option value=\"XSSsidAAAAAAAAAAAAAA\">")
        .contains("<select id=\"f-transport\">").contains("<select id=\"f-status\">").contains("<input type=\"search\" id=\"f-text\"");
    assertThat(html).containsPattern("<li class=\"tr-row kind-request st-error decisive\" id=\"r0\" data-sid=\"\" "
        + "data-transport=\"polling\" data-status=\"error\" data-node=\"\" data-decisive=\"true\"");
    // every timeline mark with a row links to it
    Matcher links = Pattern.compile("<a class=\"mark-link\" href=\"#(r[0-9]+)\"").matcher(html);
    int n = 0;
    while (links.find()) {
      assertThat(html).contains("id=\"" + links.group(1) + "\" data-sid=");
      n++;
    }
    assertThat(n).isGreaterThan(3);
  }

  @Test
  void reportShowsVerdictRankedCausesEvidenceTimelineAndSessions() throws IOException {
    String html = html(Fixtures.fixture("xss.har"));
    assertThat(html).contains("id=\"verdict\">problems<")
        .contains("<code id=\"top-cause\">server-unreachable</code>")
        .contains("<section class=\"cause rank-1\" id=\"cause-1\" data-cause-id=\"server-unreachable\">")
        .contains("<details class=\"evidence decisive is-error\" open data-location=\"xss.har entries[0]\">")
        .contains("<h3>Fix</h3>")
        .contains("<svg class=\"timeline\"")
        .contains("<table id=\"sessions\">")
        .contains("XSSsidAAAAAAAAAAAAAA");
    // one lane for the refused handshake, one for the session; the decisive request is outlined
    assertThat(html).contains("data-lane=\"no session\"").contains("data-lane=\"XSSsidAAAAAAAAAAAAAA\"")
        .contains("mark k-error decisive");
    // the WebSocket upgrade, frames and the 400 are drawn with their kinds
    assertThat(html).contains("mark k-upgrade").contains("mark k-sent").contains("mark k-received")
        .contains("mark k-handshake");
  }

  @Test
  void healthyReportWithoutTimelineStillRenders() throws IOException {
    StringWriter w = new StringWriter();
    new HtmlRenderer().render(Analysis.of(new RankedReport(RankedReport.HEALTHY, List.of(), List.of(), List.of(), List.of())), w);
    assertThat(w.toString()).contains("id=\"verdict\">healthy<").doesNotContain("<svg").endsWith("</html>\n");
  }

  @Test
  void markdownIsEscapedBeforeItsFewConstructsBecomeTags() {
    String md = "Use `io(\"<b>\")` here.\n<img src=x onerror=alert(1)>\n\n- **bold** item\n- `a<b`\n\n```\n<script>x</script>\n```";
    String html = SafeMarkdown.toHtml(md);
    assertThat(html).isEqualTo("<p>Use <code>io(&quot;&lt;b&gt;&quot;)</code> here. &lt;img src=x onerror=alert(1)&gt;</p>\n"
        + "<ul>\n<li><strong>bold</strong> item</li>\n<li><code>a&lt;b</code></li>\n</ul>\n"
        + "<pre><code>&lt;script&gt;x&lt;/script&gt;\n</code></pre>\n");
  }

  @Test
  void numberedListsKeepTheirNumbersAcrossCodeBlocks() {
    String html = SafeMarkdown.toHtml("1. first:\n   ```\n   curl x\n   ```\n2. second\n3. third");
    assertThat(html).isEqualTo("<ol>\n<li>first:</li>\n</ol>\n<pre><code>   curl x\n</code></pre>\n"
        + "<ol start=\"2\">\n<li>second</li>\n<li>third</li>\n</ol>\n");
  }

  @Test
  void inlineCodeInABulletMayWrapOntoItsContinuationLine() {
    // a fix's bullet wrapped at 100 columns inside a code span (the proxy-limit fix's nginx line)
    String html = SafeMarkdown.toHtml("- nginx `limit_req` (`limiting requests, excess:\n  … by zone`): give it a `burst=`\n- next");
    assertThat(html).isEqualTo("<ul>\n<li>nginx <code>limit_req</code> (<code>limiting requests, excess: … by zone</code>):"
        + " give it a <code>burst=</code></li>\n<li>next</li>\n</ul>\n");
  }

  private static String between(String s, String from, String to) {
    int a = s.indexOf(from) + from.length();
    return s.substring(a, s.indexOf(to, a));
  }
}
