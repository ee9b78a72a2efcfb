// sticky-session-missing--netty-two-nodes: nginx round-robin over two netty-socketio 2.0.13 nodes
// without session affinity; the node that did not issue a session id answers 500 (no CORS
// headers) and logs "<sid> is not registered. Closing connection".
const { freePort, nettyServer, nginxWith } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const [port, a, b, pagePort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  nettyServer(rec, 'node-a', '2.0.13', { PORT: String(a), NODE_NAME: 'node-a' }, 'node-a.log');
  nettyServer(rec, 'node-b', '2.0.13', { PORT: String(b), NODE_NAME: 'node-b' }, 'node-b.log');
  await rec.waitPort(a, 30000);
  await rec.waitPort(b, 30000);
  await nginxWith(rec, 'nginx.conf', { PORT: port, PORT_A: a, PORT_B: b });
  await rec.pageServer(pagePort);
  await rec.record({ url: `http://127.0.0.1:${pagePort}/?server=http://127.0.0.1:${port}`, duration: 8000 });
};
