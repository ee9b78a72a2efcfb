// server-restart--io-close: three tabs connected; at ~4 s the server gets SIGTERM and calls
// io.close(); 1.5 s later a new server process starts on the same port; the tabs reconnect.
// Both processes write to server.log (like one service log across a restart).
module.exports = async (rec) => {
  let server = rec.node('server', 'server.js', { env: { PORT: '47171' }, log: 'server.log' });
  await rec.waitPort(47171);
  const url = 'http://127.0.0.1:47171/';
  await rec.record({
    pages: [
      { url, har: 'capture.har', console: 'console.log' },
      { url, har: null, console: null, delay: 300 },
      { url, har: null, console: null, delay: 300 },
    ],
    run: async ({ sleep }) => {
      await sleep(4000);
      process.kill(server.pid, 'SIGTERM');
      await server.exit;
      await sleep(1500);
      server = rec.node('server-2', 'server.js', { env: { PORT: '47171' }, log: 'server.log', append: true });
      await sleep(7000);
    },
  });
};
