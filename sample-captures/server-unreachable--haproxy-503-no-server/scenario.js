// server-unreachable--haproxy-503-no-server: HAProxy 2.6 routes /socket.io/ to a backend whose only
// server is down (nothing listens on its port; the health check marks it DOWN) and everything else
// to a page server (the shared recorder/pages/chat-v4.html). HAProxy answers every Socket.IO
// request 503 itself (<NOSRV>, SC--). Ports chosen by the OS; no socket.io server is started.
const { freePort, haproxy } = require('../recorder/lib/processes');
const { chatPage } = require('../recorder/lib/exporters');
module.exports = async (rec) => {
  const [lb, app] = [await freePort(), await freePort()];
  const page = await chatPage(rec);
  await haproxy(rec, 'haproxy.cfg', { LB: lb, PAGE: page, APP: app });
  // the first health check runs at start-up: let it mark the server DOWN before the page loads
  await rec.sleep(1500);
  await rec.record({ url: `http://127.0.0.1:${lb}/`, duration: 7000 });
};
