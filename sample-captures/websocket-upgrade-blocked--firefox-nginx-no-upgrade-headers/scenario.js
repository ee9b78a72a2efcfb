// websocket-upgrade-blocked--firefox-nginx-no-upgrade-headers: its Chromium twin's set-up
// (websocket-upgrade-blocked--nginx-no-upgrade-headers: nginx without Upgrade/Connection in front of
// a socket.io 4 server, both started from the twin's folder with its nginx.conf and server.js), the page
// opened in Firefox ESR with its Network Monitor's HAR auto-export. Logs are written in this folder.
const x = require('../recorder/lib/exporters');

const TWIN = '../websocket-upgrade-blocked--nginx-no-upgrade-headers';

module.exports = async (rec) => {
  rec.node('server', `${TWIN}/server.js`, { env: { PORT: '47012' }, log: 'server.log' });
  await rec.waitPort(47012);
  await rec.nginx(`${TWIN}/nginx.conf`, { port: 47011 });
  await x.firefox(rec, { url: 'http://127.0.0.1:47011/', duration: 22000 });
};
