package io.siodoctor.analyzer.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.analyzer.Analysis;
import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.analyzer.Fixtures;
import io.siodoctor.analyzer.InputSource;
import io.siodoctor.analyzer.rank.RankedReport;
import io.siodoctor.parsers.redact.SecretMasker;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlRendererTest {

  private static String html(Path har) throws IOException {
    Analysis a = Analyzer.builtIn().analyzeWithTimeline(List.of(InputSource.of(har, har.getFileName().toString())))
        .mapText(SecretMasker::mask);
    StringWriter w = new StringWriter();
    new HtmlRenderer().render(a, w);
    return w.toString();
  }

  @Test
  void scriptAndAttributePayloadsFromTheHarRenderAsText() throws IOException {
    String html = html(Fixtures.fixture("xss.har"));

    assertThat(html).doesNotContain("<script>window").doesNotContain("<img").doesNotContain("onerror=\"");
    // the payloads are there, as text: in evidence, in timeline titles
    assertThat(html).contains("&lt;script&gt;window.__xss=1&lt;/script&gt;")
        .contains("&quot;&gt;&lt;img src=x onerror=");
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
  }

  @Test
  void reportShowsVerdictRankedCausesEvidenceTimelineAndSessions() throws IOException {
    String html = html(Fixtures.fixture("xss.har"));
    assertThat(html).contains("id=\"verdict\">problems<")
        .contains("<code id=\"top-cause\">server-unreachable</code>")
        .contains("<section class=\"cause rank-1\" id=\"cause-1\" data-cause-id=\"server-unreachable\">")
        .contains("<details class=\"evidence decisive\" open=\"open\" data-location=\"xss.har entries[0]\">")
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
    new HtmlRenderer().render(new RankedReport(RankedReport.HEALTHY, List.of(), List.of(), List.of(), List.of()), w);
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

  private static String between(String s, String from, String to) {
    int a = s.indexOf(from) + from.length();
    return s.substring(a, s.indexOf(to, a));
  }
}
