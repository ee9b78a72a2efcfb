// platform-no-websocket--azure-websockets-off-standin: a socket.io app on Azure App Service with
// "Web sockets" Off and ARR affinity on (a documented stand-in: recorder/lib/platform-edge.js,
// profile "azure"; see README.md). The HAR keeps cookies: ARRAffinity is the platform's sign.
const FRONT = 47691;
const INSTANCES = [47692];

module.exports = async (rec) => {
  INSTANCES.forEach((port, i) => rec.node(`instance-${i + 1}`, 'instance.js',
    { env: { PORT: String(port), NODE_NAME: `instance-${i + 1}` }, log: 'server.log' }));
  for (const p of INSTANCES) await rec.waitPort(p);
  rec.node('front', '../recorder/lib/platform-edge.js', {
    env: { PORT: String(FRONT), INSTANCES: INSTANCES.join(','), PROFILE: 'azure', PAGE_DIR: rec.dir },
    log: 'edge.log', debug: '',
  });
  await rec.waitPort(FRONT);
  await rec.record({ url: `http://127.0.0.1:${FRONT}/`, duration: 16000, withSensitiveData: true });
};
