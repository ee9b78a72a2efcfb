package io.siodoctor.analyzer.cli;

import io.siodoctor.analyzer.web.ServerOptions;
import io.siodoctor.analyzer.web.UploadServer;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code sio-doctor serve}: the upload page for support engineers; runs until stopped (Ctrl-C). */
final class ServeCommand implements Command {

  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String summary() {
    return "web page to upload HAR files and logs and read the report (redacted)";
  }

  @Override
  public Options options() {
    Options o = new Options();
    o.addOption(Option.builder().longOpt("port").hasArg().argName("N")
        .desc("port to listen on (default " + ServerOptions.DEFAULT_PORT + "; 0 picks a free one)").get());
    o.addOption(Option.builder().longOpt("host").hasArg().argName("ADDR")
        .desc("address to bind (default " + ServerOptions.DEFAULT_HOST + "; 0.0.0.0 to share on the network)").get());
    o.addOption(Option.builder().longOpt("max-upload-mb").hasArg().argName("MB")
        .desc("largest upload accepted (default " + ServerOptions.DEFAULT_MAX_UPLOAD_MB + ")").get());
    o.addOption(Option.builder().longOpt("max-concurrent").hasArg().argName("N")
        .desc("analyses (and sanitizations) running at once; more wait in a queue (default: number of CPUs)").get());
    o.addOption(Option.builder().longOpt("max-queued").hasArg().argName("N")
        .desc("uploads waiting for a free slot at most; more get 503 with Retry-After (default "
            + ServerOptions.DEFAULT_MAX_QUEUED + ")").get());
    o.addOption(Option.builder().longOpt("sanitize-timeout").hasArg().argName("SECONDS")
        .desc("answer 503 when sanitizing one upload takes longer (default 60)").get());
    o.addOption(Option.builder().longOpt("analysis-timeout").hasArg().argName("SECONDS")
        .desc("answer 503 when one analysis takes longer (default 180)").get());
    o.addOption(SharedOptions.index(
        "a Lucene index written by index/scan --index: the page gets a search box and GET /api/search answers"));
    return o;
  }

  @Override
  public String usage() {
    return "sio-doctor serve [--port 8080] [--host 127.0.0.1] [--max-upload-mb 200] [--index DIR]";
  }

  @Override
  public int run(CommandLine cl, PrintStream out, PrintStream err) throws Exception {
    if (!cl.getArgList().isEmpty()) {
      throw new UsageException("serve takes no files (upload them on the page): " + cl.getArgList());
    }
    ServerOptions o = ServerOptions.defaults();
    if (cl.hasOption("port")) {
      o = o.withPort(port(cl.getOptionValue("port")));
    }
    if (cl.hasOption("host")) {
      o = o.withHost(cl.getOptionValue("host"));
    }
    o = o.withMaxUploadBytes(Cli.intOption(cl, "max-upload-mb", ServerOptions.DEFAULT_MAX_UPLOAD_MB) * 1024L * 1024L);
    o = o.withMaxConcurrentAnalyses(Cli.intOption(cl, "max-concurrent", o.maxConcurrentAnalyses()));
    o = o.withMaxQueued(Cli.intOption(cl, "max-queued", o.maxQueued()));
    o = o.withAnalysisTimeoutMs(Cli.intOption(cl, "analysis-timeout", (int) (o.analysisTimeoutMs() / 1000)) * 1000L);
    o = o.withSanitizeTimeoutMs(Cli.intOption(cl, "sanitize-timeout", (int) (o.sanitizeTimeoutMs() / 1000)) * 1000L);
    if (SharedOptions.index(cl) != null) {
      o = o.withIndex(SharedOptions.index(cl));
    }
    UploadServer server;
    try {
      server = UploadServer.start(o);
    } catch (IOException e) {
      // no index in --index DIR, or it cannot be read: one line
      err.println("sio-doctor serve: " + e.getMessage());
      return ExitCode.UNREADABLE_INPUT;
    } catch (RuntimeException e) {
      // Jetty wraps "address already in use" and friends; one line is what the user needs
      String why = e.toString();
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t.getMessage() != null) {
          why = t.getMessage();
        } else if (t.getCause() == null) {
          why = t.getClass().getSimpleName();
        }
      }
      err.println("sio-doctor serve: cannot listen on " + o.host() + ":" + o.port() + ": " + why);
      return ExitCode.USAGE;
    }
    if (!SharedOptions.quiet(cl)) {
      err.println("sio-doctor serve: open " + server.url() + " (max upload " + o.maxUploadMb() + " MB"
          + (o.index() == null ? "" : "; searching the index in " + o.index()) + "; Ctrl-C stops)");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "sio-doctor-serve-stop"));
    stopped.await();
    return ExitCode.HEALTHY;
  }

  private static int port(String value) throws UsageException {
    try {
      int p = Integer.parseInt(value);
      if (p < 0 || p > 65535) {
        throw new NumberFormatException();
      }
      return p;
    } catch (NumberFormatException e) {
      throw new UsageException("--port needs a number from 0 to 65535, not " + value);
    }
  }
}
