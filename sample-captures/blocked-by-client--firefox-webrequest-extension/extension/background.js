// Cancels every request whose URL matches */socket.io/* (polling and WebSocket alike), as an
// ad-block filter such as `/socket.io/$xmlhttprequest,websocket` does.
browser.webRequest.onBeforeRequest.addListener(
  () => ({ cancel: true }),
  { urls: ['*://*/socket.io/*'], types: ['xmlhttprequest', 'websocket'] },
  ['blocking'],
);
