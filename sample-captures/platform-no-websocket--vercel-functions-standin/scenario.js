// platform-no-websocket--vercel-functions-standin: a socket.io server deployed as a serverless
// function behind Vercel's edge (a documented stand-in: recorder/lib/platform-edge.js, profile
// "vercel"; see README.md).
const EDGE = 47671;
const INSTANCES = [47672, 47673, 47674];

module.exports = async (rec) => {
  INSTANCES.forEach((port, i) => rec.node(`instance-${i + 1}`, 'instance.js',
    { env: { PORT: String(port), NODE_NAME: `instance-${i + 1}` }, log: `instance-${i + 1}.log` }));
  for (const p of INSTANCES) await rec.waitPort(p);
  rec.node('edge', '../recorder/lib/platform-edge.js', {
    env: { PORT: String(EDGE), INSTANCES: INSTANCES.join(','), PROFILE: 'vercel', PAGE_DIR: rec.dir },
    log: 'edge.log', debug: '',
  });
  await rec.waitPort(EDGE);
  await rec.record({ url: `http://127.0.0.1:${EDGE}/`, duration: 5000 });
};
