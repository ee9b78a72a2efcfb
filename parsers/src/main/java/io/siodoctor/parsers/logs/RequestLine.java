package io.siodoctor.parsers.logs;

/**
 * The method and URL of an HTTP request line as an access log quotes it ({@code GET
 * /socket.io/?EIO=4 HTTP/1.1}): the first word is the method, the words up to the last one (the
 * protocol) are the URL; a request of one word is all URL, without a method.
 */
record RequestLine(String method, String url) {

  static RequestLine of(String request) {
    int sp1 = request.indexOf(' ');
    if (sp1 <= 0) {
      return new RequestLine(null, request);
    }
    int sp2 = request.lastIndexOf(' ');
    return new RequestLine(request.substring(0, sp1),
        sp2 > sp1 ? request.substring(sp1 + 1, sp2) : request.substring(sp1 + 1));
  }
}
