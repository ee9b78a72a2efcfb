// sticky-session-missing--python-two-workers: nginx round-robin over two python-socketio 5.7
// processes (what `gunicorn --workers 2` or two replicas do) without session affinity; the worker
// that did not issue a sid answers 400 "Invalid session <sid>".
const { freePort, spawnLogged, nginxWith, STACKS } = require('../recorder/lib/processes');
module.exports = async (rec) => {
  const [port, a, b] = [await freePort(), await freePort(), await freePort()];
  spawnLogged(rec, 'worker-a', '/usr/bin/python3', [`${STACKS}/python-socketio/server.py`], { env: { PORT: String(a), NODE_NAME: 'worker-a' }, log: 'worker-a.log' });
  spawnLogged(rec, 'worker-b', '/usr/bin/python3', [`${STACKS}/python-socketio/server.py`], { env: { PORT: String(b), NODE_NAME: 'worker-b' }, log: 'worker-b.log' });
  await rec.waitPort(a);
  await rec.waitPort(b);
  await nginxWith(rec, 'nginx.conf', { PORT: port, PORT_A: a, PORT_B: b });
  await rec.record({ url: `http://127.0.0.1:${port}/`, duration: 8000 });
};
