package io.siodoctor.parsers;

import io.siodoctor.parsers.logs.ApacheAccessLogParser;
import io.siodoctor.parsers.logs.ApacheErrorLogParser;
import io.siodoctor.parsers.logs.AwsAlbLogParser;
import io.siodoctor.parsers.logs.BrowserConsoleLogParser;
import io.siodoctor.parsers.logs.CaddyAccessLogParser;
import io.siodoctor.parsers.logs.EngineIoDebugLogParser;
import io.siodoctor.parsers.logs.EnvoyAccessLogParser;
import io.siodoctor.parsers.logs.GenericLogParser;
import io.siodoctor.parsers.logs.HaproxyLogParser;
import io.siodoctor.parsers.logs.HerokuRouterLogParser;
import io.siodoctor.parsers.logs.JavaClientLogParser;
import io.siodoctor.parsers.logs.JsonLinesLogParser;
import io.siodoctor.parsers.logs.NettySocketIoLogParser;
import io.siodoctor.parsers.logs.NginxAccessLogParser;
import io.siodoctor.parsers.logs.NginxErrorLogParser;
import io.siodoctor.parsers.logs.PythonSocketIoLogParser;
import io.siodoctor.parsers.logs.SquidAccessLogParser;
import io.siodoctor.parsers.logs.TraefikAccessLogParser;
import java.util.List;

/**
 * Every built-in input format. The input is read by the parser whose {@link InputParser#match} is
 * the strongest; this order is the priority among equally strong matches only (specific formats
 * before generic ones; the generic timestamped-line parser last), so a parser added anywhere in the
 * list takes no input another parser claims more strongly.
 */
public final class InputParsers {
  private InputParsers() {}

  public static List<InputParser> all() {
    return List.of(
        // HAR first: it is JSON, and so are JSON-lines logs
        new io.siodoctor.parsers.har.HarParser(),
        // (parsers are added here as they land: HarParser, then the log formats, GenericLogParser last)
        // log formats: JSON lines right after HAR; the strict line formats; generic last
        // Caddy's JSON access log before the generic JSON lines
        new CaddyAccessLogParser(),
        new JsonLinesLogParser(),
        new EngineIoDebugLogParser(),
        new NginxErrorLogParser(),
        // combined lines with a request time (Apache) or Traefik's tail before plain combined
        new ApacheAccessLogParser(),
        new TraefikAccessLogParser(),
        new NginxAccessLogParser(),
        new ApacheErrorLogParser(),
        new EnvoyAccessLogParser(),
        new HerokuRouterLogParser(),
        new HaproxyLogParser(),
        new AwsAlbLogParser(),
        new SquidAccessLogParser(),
        new PythonSocketIoLogParser(),
        new NettySocketIoLogParser(),
        new JavaClientLogParser(),
        new BrowserConsoleLogParser(),
        new GenericLogParser());
  }
}
