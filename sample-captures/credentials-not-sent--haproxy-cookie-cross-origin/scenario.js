// credentials-not-sent--haproxy-cookie-cross-origin: the page (one origin) talks to socket.io
// behind HAProxy (another origin) whose stickiness is a cookie; the client does not send
// credentials, so the cookie never comes back and requests of a session hit both nodes.
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const PAGE = 47631;
const LB = 47632;
const A = 47633;
const B = 47634;

module.exports = async (rec) => {
  const env = { PAGE_ORIGIN: `http://127.0.0.1:${PAGE}` };
  rec.node('node-a', 'server.js', { env: Object.assign({ PORT: String(A), NODE_NAME: 'node-a' }, env), log: 'node-a.log' });
  rec.node('node-b', 'server.js', { env: Object.assign({ PORT: String(B), NODE_NAME: 'node-b' }, env), log: 'node-b.log' });
  await rec.waitPort(A);
  await rec.waitPort(B);
  await rec.pageServer(PAGE);
  const tmp = rec.tmp('haproxy');
  const cfg = fs.readFileSync(path.join(rec.dir, 'haproxy.cfg'), 'utf8')
    .replace(/__LB__/g, String(LB)).replace(/__A__/g, String(A)).replace(/__B__/g, String(B));
  fs.writeFileSync(path.join(tmp, 'haproxy.cfg'), cfg);
  const out = fs.openSync(path.join(rec.dir, 'haproxy.log'), 'w');
  rec._track('haproxy', spawn('/usr/sbin/haproxy', ['-db', '-f', path.join(tmp, 'haproxy.cfg')],
    { cwd: tmp, stdio: ['ignore', out, out], detached: true }));
  fs.closeSync(out);
  await rec.sleep(500);
  await rec.record({ url: `http://127.0.0.1:${PAGE}/?lb=${LB}`, duration: 5000, withSensitiveData: true });
};
