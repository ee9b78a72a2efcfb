// platform-no-websocket--heroku-dynos-no-affinity-standin: a socket.io app on two Heroku web
// dynos without session affinity (a documented stand-in: recorder/lib/platform-edge.js, profile
// "heroku"; see README.md).
const ROUTER = 47681;
const DYNOS = [47682, 47683];

module.exports = async (rec) => {
  DYNOS.forEach((port, i) => rec.node(`web.${i + 1}`, 'instance.js',
    { env: { PORT: String(port), NODE_NAME: `web.${i + 1}` }, log: `web-${i + 1}.log` }));
  for (const p of DYNOS) await rec.waitPort(p);
  rec.node('router', '../recorder/lib/platform-edge.js', {
    env: { PORT: String(ROUTER), INSTANCES: DYNOS.join(','), PROFILE: 'heroku', PAGE_DIR: rec.dir, ROUTER_LOG: `${rec.dir}/router.log` },
    log: 'edge.log', debug: '',
  });
  await rec.waitPort(ROUTER);
  await rec.record({ url: `http://127.0.0.1:${ROUTER}/`, duration: 5000 });
};
