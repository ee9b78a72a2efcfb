package io.siodoctor.analyzer.render;

import io.siodoctor.analyzer.Analysis;
import io.siodoctor.analyzer.rank.RankedCause;
import io.siodoctor.analyzer.rank.RankedReport;
import io.siodoctor.analyzer.rank.SessionSummary;
import io.siodoctor.analyzer.timeline.Timeline;
import io.siodoctor.analyzer.timeline.TimelineMark;
import io.siodoctor.parsers.InputSummary;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.verdict.Symptom;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One self-contained HTML page: verdict, ranked causes with expandable evidence, the session
 * timeline as inline SVG, the sessions table, and a button to save the JSON report. No external
 * load of any kind (a Content-Security-Policy forbids them), and every input-derived string escaped.
 * Evidence expands with {@code <details>}, so the report reads fine with scripts off.
 */
public final class HtmlRenderer implements ReportRenderer {
  public static final String NAME = "html";
  private static final String CSS = resource("report.css");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void render(RankedReport report, Writer out) throws IOException {
    render(new Analysis(report, Timeline.EMPTY), out);
  }

  public void render(Analysis analysis, Writer out) throws IOException {
    render(analysis, out, Html.nonce());
  }

  /**
   * @param nonce the page's CSP nonce, on its one {@code <style>} and one {@code <script>}: a server
   *     sending the page sends the same nonce in its {@code Content-Security-Policy} header, so no
   *     {@code 'unsafe-inline'} is needed (and no {@code style="..."} attribute may appear)
   */
  public void render(Analysis analysis, Writer out, String nonce) throws IOException {
    RankedReport report = analysis.report();
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'nonce-").append(nonce).append("'; ")
        .append("script-src 'nonce-").append(nonce).append("'; img-src data:; base-uri 'none'; form-action 'none'\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>sio-doctor: ").append(Html.escape(report.verdict())).append("</title>\n")
        .append("<style nonce=\"").append(nonce).append("\">\n").append(CSS).append("</style>\n</head>\n<body>\n<main id=\"sio-report\">\n");
    header(h, report);
    // the timeline is compact and shows at a glance where it broke, so it comes before the details
    timeline(h, analysis.timeline(), report);
    for (RankedCause c : report.causes()) {
      cause(h, c);
    }
    sessions(h, report.sessions());
    inputs(h, report);
    h.append("<div class=\"actions\"><button type=\"button\" class=\"secondary\" id=\"download-json\">")
        .append("Download JSON report</button></div>\n");
    h.append("<footer>sio-doctor report. Secrets are redacted unless the report was made with --show-secrets.</footer>\n");
    h.append("</main>\n");
    jsonDownload(h, report, nonce);
    h.append("</body>\n</html>\n");
    out.write(h.toString());
    out.flush();
  }

  private static void header(StringBuilder h, RankedReport report) {
    h.append("<h1>Socket.IO diagnosis <span class=\"verdict verdict-").append(Html.escape(report.verdict()))
        .append("\" id=\"verdict\">").append(Html.escape(report.verdict())).append("</span></h1>\n");
    if (report.causes().isEmpty()) {
      h.append("<p class=\"summary\">").append(Html.escape(CaptureText.verdictLine(report.verdict(), 0)))
          .append("</p>\n");
      symptoms(h, report);
    } else {
      RankedCause top = report.causes().get(0);
      h.append("<p class=\"summary\">Most likely: <strong>").append(Html.escape(top.title()))
          .append("</strong> (<code id=\"top-cause\">").append(Html.escape(top.id())).append("</code>)")
          .append(report.causes().size() > 1 ? ", then " + (report.causes().size() - 1) + " more." : ".")
          .append("</p>\n");
    }
  }

  private static void symptoms(StringBuilder h, RankedReport report) {
    if (!report.symptoms().isEmpty()) {
      h.append("<h2>Symptoms</h2>\n<ul id=\"symptoms\">\n");
      for (Symptom s : report.symptoms()) {
        h.append("<li data-symptom=\"").append(Html.escape(s.id())).append("\">")
            .append(Html.escape(CaptureText.symptom(s)));
        for (Evidence e : s.evidence()) {
          evidence(h, e, false);
        }
        h.append("</li>\n");
      }
      h.append("</ul>\n");
    }
    if (!report.next().isEmpty()) {
      h.append("<h2>To decide, collect</h2>\n<ul id=\"next\">\n");
      for (String n : report.next()) {
        h.append("<li>").append(Html.escape(n)).append("</li>\n");
      }
      h.append("</ul>\n");
    }
  }

  private static void cause(StringBuilder h, RankedCause c) {
    h.append("<section class=\"cause rank-").append(c.rank()).append("\" id=\"cause-").append(c.rank())
        .append("\" data-cause-id=\"").append(Html.escape(c.id())).append("\">\n");
    h.append("<h2>").append(c.rank()).append(". ").append(Html.escape(c.title()))
        .append(" <span class=\"cause-id\">").append(Html.escape(c.id())).append("</span></h2>\n");
    h.append("<p class=\"meta\"><span class=\"sev-").append(Html.escape(c.severity())).append("\">")
        .append(Html.escape(c.severity())).append("</span> · ").append(Html.escape(c.category()))
        .append(" · confidence ").append(String.format(Locale.ROOT, "%.2f", c.confidence()))
        // an SVG attribute, not a style attribute: the page's CSP allows no inline styles
        .append(" <svg class=\"confidence\" viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" role=\"img\">")
        .append("<title>confidence</title><rect height=\"8\" width=\"")
        .append(Math.round(Math.max(0, Math.min(1, c.confidence())) * 100)).append("\"/></svg></p>\n");
    if (c.detail() != null && !c.detail().isBlank()) {
      h.append("<p class=\"detail\">").append(Html.escape(c.detail())).append("</p>\n");
    }
    h.append("<div class=\"explanation\">").append(SafeMarkdown.toHtml(c.explanation())).append("</div>\n");
    h.append("<h3>Evidence</h3>\n");
    for (int i = 0; i < c.evidence().size(); i++) {
      evidence(h, c.evidence().get(i), c.rank() == 1 && i == 0);
    }
    h.append("<h3>Fix</h3>\n<div class=\"fix\">").append(SafeMarkdown.toHtml(c.fix())).append("</div>\n");
    if (Html.isWebLink(c.docs())) {
      h.append("<p class=\"meta\">Docs: <a href=\"").append(Html.escape(c.docs())).append("\" rel=\"noreferrer noopener\">")
          .append(Html.escape(c.docs())).append("</a></p>\n");
    }
    h.append("</section>\n");
  }

  /** The decisive item (first evidence of the top cause) is highlighted; all items expand. */
  private static void evidence(StringBuilder h, Evidence e, boolean decisive) {
    h.append("<details class=\"evidence").append(decisive ? " decisive\" open=\"open" : "").append("\" data-location=\"")
        .append(Html.escape(e.location().toString())).append("\"><summary><span class=\"loc\">")
        .append(Html.escape(e.location().file())).append(' ').append(Html.escape(e.location().location()))
        .append("</span>");
    if (e.time() != null) {
      h.append(" · ").append(Html.escape(e.time().toString()));
    }
    if (e.note() != null) {
      h.append(" <span class=\"note\">— ").append(Html.escape(e.note())).append("</span>");
    }
    h.append("</summary><pre class=\"excerpt\">").append(Html.escape(e.excerpt())).append("</pre></details>\n");
  }

  private static void timeline(StringBuilder h, Timeline timeline, RankedReport report) {
    if (timeline.isEmpty()) {
      return;
    }
    Set<String> decisive = new HashSet<>();
    if (!report.causes().isEmpty()) {
      for (Evidence e : report.causes().get(0).evidence()) {
        decisive.add(e.location().toString());
      }
    }
    h.append("<h2>Session timeline</h2>\n<div class=\"legend\">");
    for (TimelineMark.Kind k : TimelineMark.Kind.values()) {
      h.append("<span><i class=\"").append(k.cssClass()).append("\"></i>").append(k.label()).append("</span>");
    }
    h.append("<span><i class=\"decisive-key\"></i>evidence of the top cause</span></div>\n");
    h.append(TimelineSvg.draw(timeline, decisive));
  }

  private static void sessions(StringBuilder h, List<SessionSummary> sessions) {
    if (sessions.isEmpty()) {
      return;
    }
    h.append("<h2>Sessions</h2>\n<table id=\"sessions\">\n<tr><th>sid</th><th>protocol</th><th>transports</th>")
        .append("<th>upgrade</th><th>opened</th><th>closed</th><th>close reason</th><th>nodes</th></tr>\n");
    for (SessionSummary s : sessions) {
      h.append("<tr><td class=\"mono\">").append(Html.escape(s.sid())).append("</td><td>")
          .append(Html.escape(s.protocol())).append("</td><td>").append(Html.escape(String.join(", ", s.transports())))
          .append("</td><td>").append(Html.escape(s.upgrade())).append("</td><td class=\"mono\">")
          .append(Html.escape(s.opened())).append("</td><td class=\"mono\">").append(Html.escape(s.closed()))
          .append("</td><td>").append(Html.escape(s.closeReason())).append("</td><td>")
          .append(Html.escape(String.join(", ", s.nodes()))).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void inputs(StringBuilder h, RankedReport report) {
    h.append("<h2>Inputs</h2>\n<table id=\"inputs\">\n<tr><th>file</th><th>format</th><th>records</th><th>notes</th></tr>\n");
    for (InputSummary in : report.inputs()) {
      h.append("<tr><td class=\"mono\">").append(Html.escape(in.file())).append("</td><td>")
          .append(Html.escape(in.readable() ? in.format() : "unreadable")).append("</td><td>").append(in.records())
          .append("</td><td>").append(Html.escape(in.readable() ? String.join("; ", in.warnings()) : in.error()));
      if (in.capture() != null) {
        h.append("<div class=\"capture\" data-exporter=\"").append(Html.escape(in.capture().exporter()))
            .append("\">captured by ").append(Html.escape(CaptureText.exporter(in.capture())));
        if (!in.capture().missing().isEmpty()) {
          h.append("; cannot show:<ul>");
          for (String m : CaptureText.missing(in.capture())) {
            h.append("<li>").append(Html.escape(m)).append("</li>");
          }
          h.append("</ul>");
        }
        h.append("</div>");
      }
      h.append("</td></tr>\n");
    }
    h.append("</table>\n");
    for (String w : report.warnings()) {
      h.append("<p class=\"meta\">warning: ").append(Html.escape(w)).append("</p>\n");
    }
  }

  /** The JSON report travels inside the page, so the button works offline and from a saved file. */
  private static void jsonDownload(StringBuilder h, RankedReport report, String nonce) {
    StringWriter json = new StringWriter();
    try {
      new JsonRenderer().render(report, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    h.append("<script type=\"application/json\" id=\"report-json\">").append(Html.scriptJson(json.toString()))
        .append("</script>\n");
    h.append("<script nonce=\"").append(nonce).append("\">\n")
        .append("document.getElementById('download-json').addEventListener('click', function () {\n")
        .append("  var text = document.getElementById('report-json').textContent;\n")
        .append("  var a = document.createElement('a');\n")
        .append("  a.href = URL.createObjectURL(new Blob([text], {type: 'application/json'}));\n")
        .append("  a.download = 'sio-doctor-report.json';\n")
        .append("  document.body.appendChild(a); a.click(); a.remove();\n")
        .append("});\n</script>\n");
  }

  private static String resource(String name) {
    try (InputStream in = HtmlRenderer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
