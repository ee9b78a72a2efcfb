// sticky-session-missing--firefox-nginx-two-nodes: its Chromium twin's set-up
// (sticky-session-missing--nginx-two-nodes: nginx round-robin over two socket.io 4 nodes, no ip_hash,
// started from the twin's folder with its nginx.conf and server.js), the page opened in Firefox ESR with
// its Network Monitor's HAR auto-export. Logs are written in this folder.
const x = require('../recorder/lib/exporters');

const TWIN = '../sticky-session-missing--nginx-two-nodes';

module.exports = async (rec) => {
  rec.node('node-a', `${TWIN}/server.js`, { env: { PORT: '47022', NODE_NAME: 'node-a' }, log: 'node-a.log' });
  rec.node('node-b', `${TWIN}/server.js`, { env: { PORT: '47023', NODE_NAME: 'node-b' }, log: 'node-b.log' });
  await rec.waitPort(47022);
  await rec.waitPort(47023);
  await rec.nginx(`${TWIN}/nginx.conf`);
  await x.firefox(rec, { url: 'http://127.0.0.1:47021/', duration: 16000, pageLoadedTimeout: 400 });
};
