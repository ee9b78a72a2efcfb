// blocked-by-client--adblock-extension: same-origin socket.io 4 server on 48611; Chromium runs
// with a Manifest V3 declarativeNetRequest extension (./extension) that blocks "/socket.io/?".
// The extension is copied to a temp dir first: Chromium writes its indexed rulesets into it.
const fs = require('fs');
const path = require('path');
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '48611' }, log: 'server.log', debug: '' });
  await rec.waitPort(48611);
  const ext = path.join(rec.tmp('ext'), 'extension');
  fs.cpSync(path.join(rec.dir, 'extension'), ext, { recursive: true });
  await rec.record({
    url: 'http://127.0.0.1:48611/',
    duration: 6000,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
  });
};
