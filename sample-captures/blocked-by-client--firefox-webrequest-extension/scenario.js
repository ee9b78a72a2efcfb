// blocked-by-client--firefox-webrequest-extension: Firefox ESR Network Monitor HAR auto-export,
// headless, plus the page's console through WebDriver BiDi (console.log). The shared chat server
// (recorder/servers/chat-v4.js) serves the page and the socket.io 4 client on one origin and is
// healthy; a temporary add-on (./extension, installed through BiDi webExtension.install before the
// page loads) cancels every */socket.io/* request with webRequest blocking, as uBlock Origin does.
// Ports are chosen by the OS; everything binds 127.0.0.1.
const path = require('path');
const x = require('../recorder/lib/exporters');

module.exports = async (rec) => {
  const port = await x.chatServer(rec);
  const url = `http://127.0.0.1:${port}/`;
  await x.firefox(rec, { url, duration: 16000, console: 'console.log', extension: path.join(rec.dir, 'extension') });
};
