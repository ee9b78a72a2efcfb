// healthy--mitmproxy-v4-upgrade: mitmproxy 8.1 contrib har_dump.py, Chromium proxied.
// socket.io 4 server and client, same origin, polling then WebSocket upgrade, 4 chat messages.
// Ports are chosen by the OS; everything binds 127.0.0.1.
const x = require('../recorder/lib/exporters');

module.exports = async (rec) => {
  const port = await x.chatServer(rec);
  const url = `http://127.0.0.1:${port}/`;
  await x.mitmproxy(rec, { url, duration: 7000 });
};
