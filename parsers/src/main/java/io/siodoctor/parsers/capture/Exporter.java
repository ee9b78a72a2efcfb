package io.siodoctor.parsers.capture;

import java.util.Locale;

/**
 * The programs that write HARs, as {@code inputs[].capture.exporter} names them, and how each is
 * recognised: {@code log.creator.name} first (each exporter writes its own), then the shape of the
 * file when the creator says nothing useful. Sanitizers keep the original creator; they are
 * recognised by the placeholders they leave.
 */
public final class Exporter {
  private Exporter() {}

  /** Chrome, Edge and other Chromium DevTools: {@code creator.name} "WebInspector". */
  public static final String CHROME = "chrome";
  /** Chrome's "Export HAR (sanitized)" (the default since Chrome 130): no cookies, no auth headers. */
  public static final String CHROME_SANITIZED = "chrome-sanitized";
  public static final String FIREFOX = "firefox";
  /** Safari / WebKit Web Inspector: {@code creator.name} "WebKit Web Inspector". */
  public static final String SAFARI = "safari";
  public static final String PLAYWRIGHT = "playwright";
  /**
   * npm chrome-har (sitespeedio/chrome-har), which turns Chrome DevTools protocol messages into a HAR
   * for browsertime / sitespeed.io, puppeteer-har and many scripts: {@code creator.name} "chrome-har",
   * or "Browsertime" with a Chromium {@code log.browser.name} (browsertime replaces the creator).
   */
  public static final String CHROME_HAR = "chrome-har";
  public static final String MITMPROXY = "mitmproxy";
  public static final String CHARLES = "charles";
  public static final String FIDDLER = "fiddler";
  public static final String HTTP_TOOLKIT = "http-toolkit";
  /** Cloudflare's har-sanitizer: bodies of listed MIME types become {@code [<mimeType> redacted]}. */
  public static final String CLOUDFLARE_SANITIZER = "cloudflare-sanitizer";
  /** Some other sanitizer: values replaced by placeholders such as {@code [REDACTED]}. */
  public static final String SANITIZER = "sanitizer";
  public static final String UNKNOWN = "unknown";

  /**
   * The exporter {@code log.creator.name} (or {@code log.browser.name}) names, or null when it names
   * none this tool knows.
   */
  public static String fromCreator(String creatorName, String browserName) {
    if (creatorName != null && creatorName.toLowerCase(Locale.ROOT).contains("browsertime")) {
      // browsertime (and sitespeed.io, which runs it) writes its own creator over the HAR's, and the
      // browser as log.browser; a Chromium page's HAR it builds with chrome-har (harFromMessages
      // over the page's DevTools protocol messages), Firefox's with Firefox's own exporter
      String browser = byName(browserName);
      return CHROME.equals(browser) ? CHROME_HAR : browser;
    }
    String byCreator = byName(creatorName);
    return byCreator != null ? byCreator : byName(browserName);
  }

  private static String byName(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String n = name.toLowerCase(Locale.ROOT);
    if (n.contains("playwright")) {
      return PLAYWRIGHT;
    }
    if (n.equals(CHROME_HAR)) {
      // before "chrome": it is not DevTools, and leaves out what DevTools keeps
      return CHROME_HAR;
    }
    if (n.contains("mitmproxy")) {
      return MITMPROXY;
    }
    if (n.contains("charles")) {
      return CHARLES;
    }
    if (n.contains("fiddler")) {
      return FIDDLER;
    }
    if (n.contains("http toolkit") || n.contains("httptoolkit")) {
      return HTTP_TOOLKIT;
    }
    if (n.contains("webkit") || n.contains("safari")) {
      return SAFARI;
    }
    if (n.contains("firefox")) {
      return FIREFOX;
    }
    if (n.equals("webinspector") || n.contains("chrome") || n.contains("chromium") || n.startsWith("edge")
        || n.contains("microsoft edge")) {
      return CHROME;
    }
    return null;
  }

  /** Whether this exporter never writes WebSocket messages (so their absence says nothing). */
  public static boolean neverWritesFrames(String exporter) {
    switch (exporter) {
      case FIREFOX:
      case SAFARI:
      case PLAYWRIGHT:
      case MITMPROXY:
      case CHARLES:
      case FIDDLER:
      case CHROME_HAR:
        return true;
      default:
        return false;
    }
  }

  /**
   * Whether this exporter writes no WebSocket at all, neither its handshake nor its messages (so a
   * session seen only polling may have upgraded, or had its upgrade refused). chrome-har ignores every
   * {@code Network.webSocket*} message ("sadly HAR file format doesn't include web sockets",
   * lib/ignoredEvents.js) and drops requests to ws: and wss: URLs ({@code isSupportedProtocol}).
   */
  public static boolean writesNoWebSockets(String exporter) {
    return exporter.equals(CHROME_HAR);
  }

  /**
   * Whether this exporter writes only requests that completed, never one that failed or was still
   * waiting (so a HAR without failed requests says nothing about failures). Safari: Web Inspector's
   * export takes only resources marked finished, and a failed load is never marked so (WebKit
   * {@code NetworkTableContentView._HARResources}, {@code Resource.markAsFailed}); mitmproxy's
   * har_dump.py writes a flow when its response arrives; chrome-har removes the entry of every
   * {@code Network.loadingFailed} but net::ERR_ABORTED, and at the end every entry without a response
   * ("Dropping incomplete request"), the long-poll still waiting included.
   */
  public static boolean writesOnlyCompletedRequests(String exporter) {
    return exporter.equals(SAFARI) || exporter.equals(MITMPROXY) || exporter.equals(CHROME_HAR);
  }
}
