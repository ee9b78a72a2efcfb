// mixed-content--https-page-http-socket: page https://app.test:47191 (self-signed, Chromium runs
// with --ignore-certificate-errors), socket URL http://app.test:47192. *.test -> 127.0.0.1.
const fs = require('fs');
const path = require('path');
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47192' }, log: 'server.log' });
  await rec.waitPort(47192);
  const dir = process.env.CERT_DIR;
  await rec.pageServer(47191, { https: { key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) } });
  await rec.record({
    url: 'https://app.test:47191/',
    duration: 7000,
    args: ['--ignore-certificate-errors', '--host-resolver-rules=MAP *.test 127.0.0.1'],
  });
};
