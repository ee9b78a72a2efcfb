// heartbeat-timeout--firefox-blocked-main-thread-polling: Firefox ESR Network Monitor HAR auto-export,
// headless; a polling-only client; pingInterval 2000 / pingTimeout 1000, page busy-loops 5 s.
const x = require('../recorder/lib/exporters');

module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47094' }, log: 'server.log' });
  await rec.waitPort(47094);
  await x.firefox(rec, { url: 'http://127.0.0.1:47094/', duration: 17000 });
};
