// server-unreachable--apache-backend-down: Apache httpd 2.4 proxies /socket.io/ to a backend port
// where nothing listens (the Socket.IO server is down); Apache answers 503 and logs AH00957 /
// AH01114. The page comes from another origin.
const { freePort, apache } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const [port, backend, pagePort] = [await freePort(), await freePort(), await freePort()];
  await apache(rec, 'httpd.conf', { PORT: port, BACKEND: backend });
  await rec.pageServer(pagePort);
  await rec.record({ url: `http://127.0.0.1:${pagePort}/?server=http://127.0.0.1:${port}`, duration: 6000 });
};
