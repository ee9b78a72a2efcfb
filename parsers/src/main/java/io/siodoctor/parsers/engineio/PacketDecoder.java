package io.siodoctor.parsers.engineio;

import io.siodoctor.parsers.engineio.EngineIoPacket.Type;
import java.util.Base64;

/**
 * Decodes Engine.IO and Socket.IO wire text as HAR files and logs show it: request URLs, polling
 * bodies, WebSocket frames, open packets and error bodies, for protocol revisions 2, 3 and 4.
 *
 * <p>Pure functions: no I/O, and bad input never throws. What is not Engine.IO comes back as
 * {@code null}, {@link EngineIoPayload.Framing#NOT_ENGINE_IO} or an INVALID packet, so that rules
 * can tell "not Engine.IO" from "Engine.IO that says something".
 */
public final class PacketDecoder {
  private PacketDecoder() {}

  /**
   * The Engine.IO query of a request URL: absolute ({@code http}, {@code https}, {@code ws},
   * {@code wss}) or relative, percent-encoded or not.
   *
   * @return null unless the query has {@code EIO} or {@code transport=polling|websocket|webtransport}
   */
  public static EngineIoQuery parseQuery(String url) {
    return EngineIoUrls.parse(url);
  }

  /**
   * The packets of one polling body (request or response), whatever the framing: revision 4 record
   * separators, revision 2/3 length prefixes (text, base64 binary, XHR2 binary), JSONP, the JSONP
   * form POST {@code d=...}, and the {@code ok} answer to a POST.
   *
   * @param mimeType the body's MIME type, or null; {@code application/octet-stream} marks XHR2
   *     binary payloads
   * @param base64Encoded true when the HAR gave the body base64 encoded ({@code
   *     content.encoding})
   */
  public static EngineIoPayload decodePolling(String body, String mimeType, boolean base64Encoded) {
    return PollingPayloads.decode(body, mimeType, base64Encoded);
  }

  /**
   * The packet of one WebSocket message: one packet per frame, no framing.
   *
   * @param opcode 1 text, 2 binary (then {@code data} is base64, as in a HAR)
   * @param hint the revision of the connection: a binary frame is a bare message in revision 4 and
   *     starts with a type byte in revisions 2/3; UNKNOWN is read as revision 4
   */
  public static EngineIoPacket decodeFrame(String data, int opcode, ProtocolRevision hint) {
    if (data == null || data.isEmpty()) {
      return EngineIoPacket.invalid(data);
    }
    boolean legacy = hint != null && hint.isLegacy();
    if (opcode != 2) {
      return EngineIoPackets.text(data, legacy);
    }
    if (!legacy) {
      return new EngineIoPacket(Type.MESSAGE, data, true, null);
    }
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      return EngineIoPacket.invalid(data);
    }
    return EngineIoPackets.legacyBinary(bytes, 0, bytes.length);
  }

  /**
   * One Socket.IO packet (the data of an Engine.IO message). Never null; INVALID where
   * socket.io-parser would reject the packet.
   */
  public static SocketIoPacket decodeSocketIo(String data) {
    return SocketIoDecoder.decode(data);
  }

  /**
   * The handshake an open packet announces.
   *
   * @return null unless {@code open} is an OPEN packet whose data is a JSON object with a sid
   */
  public static Handshake parseHandshake(EngineIoPacket open) {
    return HandshakeReader.of(open);
  }

  /**
   * An engine.io error answer: the JSON body {@code {"code":N,"message":"..."}} of a polling
   * request, or the plain message text of a refused WebSocket upgrade ({@code Session ID unknown},
   * {@code Bad request}, ...).
   *
   * @return null when the body is neither
   */
  public static EngineIoError parseError(String body) {
    return ErrorBodies.parse(body);
  }
}
