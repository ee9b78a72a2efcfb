package io.siodoctor.analyzer.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siodoctor.analyzer.index.EventSearcher;
import io.siodoctor.analyzer.index.SearchHit;
import io.siodoctor.analyzer.index.SearchJson;
import io.siodoctor.analyzer.index.SearchResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.lucene.queryparser.classic.ParseException;

/** {@code sio-doctor search --index DIR 'QUERY'}: events matching a Lucene query, oldest first. */
final class SearchCommand implements Command {
  static final String FORMATS = "text|json";

  @Override
  public String name() {
    return "search";
  }

  @Override
  public String summary() {
    return "query the index: sid:X, cause:ID AND node:N, \"phrase\", time:[T1 TO T2]";
  }

  @Override
  public Options options() {
    Options o = new Options();
    o.addOption(SharedOptions.index("the index directory (required)"));
    o.addOption(SharedOptions.format(FORMATS, "text"));
    o.addOption(SharedOptions.output("FILE"));
    o.addOption(org.apache.commons.cli.Option.builder().longOpt("limit").hasArg().argName("N").desc("events to show (default 100)").get());
    o.addOption(SharedOptions.showSecrets());
    return o;
  }

  @Override
  public String usage() {
    return "sio-doctor search --index DIR [options] 'QUERY'";
  }

  @Override
  public List<String> helpNotes() {
    return List.of(
        "Fields: time (range), file, node, sid, kind (log|har|ws), status, cause, text (default).");
  }

  @Override
  public int run(CommandLine cl, PrintStream out, PrintStream err) throws Exception {
    Path index = SharedOptions.requiredIndex(cl, "search");
    if (cl.getArgList().isEmpty()) {
      throw new UsageException("search needs a QUERY, e.g. 'sid:Xy12' or '\"Session ID unknown\"'");
    }
    String format = SharedOptions.format(cl, FORMATS, "text");
    String query = String.join(" ", cl.getArgList());
    int limit = Cli.intOption(cl, "limit", 100);
    SearchResult result;
    try (EventSearcher searcher = EventSearcher.open(index)) {
      result = SharedOptions.redaction(cl).apply(searcher.search(query, limit));
    } catch (ParseException e) {
      throw new UsageException("cannot parse the query: " + firstLine(e.getMessage()));
    } catch (IOException e) {
      err.println("sio-doctor search: " + firstLine(e.getMessage()));
      return ExitCode.UNREADABLE_INPUT;
    }
    try (Output o = Output.of(cl, out)) {
      if (format.equals("json")) {
        o.printer().println(json(result).toString());
      } else {
        text(result, o.printer());
      }
      o.commit();
    }
    return ExitCode.HEALTHY;
  }

  static ObjectNode json(SearchResult r) {
    return SearchJson.of(r);
  }

  private static void text(SearchResult r, PrintStream out) {
    out.printf("%d event(s) match %s%s%n", r.hits(), r.query(),
        r.hits() > r.results().size() ? " (showing the first " + r.results().size() + " by time)" : "");
    for (SearchHit h : r.results()) {
      out.printf("%s  %s %s%s%s%n    %s%n", h.time() == null ? "-" : h.time(), h.file(), h.location(),
          h.node() == null ? "" : "  node=" + h.node(), h.causes().isEmpty() ? "" : "  causes=" + String.join(",", h.causes()),
          h.text());
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
