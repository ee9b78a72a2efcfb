// wrong-server-url--firefox-localhost-in-production-bundle: Firefox ESR Network Monitor HAR
// auto-export, headless, plus the page's console through WebDriver BiDi (console.log). The site
// app.example.com (the shared chat server, recorder/servers/chat-v4.js, serving the page and the
// socket.io 4 client; Firefox resolves the name to loopback through network.dns.localDomains)
// ships a client pointed at http://localhost:<port>, a port the OS handed out and that was closed
// again, so nothing listens there: the developer's own server, absent on the user's machine.
// Ports are chosen by the OS; everything binds 127.0.0.1.
const x = require('../recorder/lib/exporters');

const SITE = 'app.example.com';

module.exports = async (rec) => {
  const port = await x.chatServer(rec);
  const nowhere = await x.freePort();
  const url = `http://${SITE}:${port}/?io=${encodeURIComponent(`http://localhost:${nowhere}`)}`;
  await x.firefox(rec, { url, duration: 16000, console: 'console.log', prefs: { 'network.dns.localDomains': SITE } });
};
