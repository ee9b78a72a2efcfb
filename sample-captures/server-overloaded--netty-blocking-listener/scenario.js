// server-overloaded--netty-blocking-listener: netty-socketio 2.0.13 with one worker thread
// (WORKER_THREADS=1, a small pod's share) whose "report" listener makes a 9 s blocking call
// (REPORT_MS=9000). The shared page (recorder/pages/chat-v4.html, another origin, client 4.8.1)
// connects, asks for the report, and 300 ms later opens three more sockets (forceNew), as the
// widgets of a dashboard do. The server logs at DEBUG, netty-socketio's usual level.
const { freePort, nettyServer } = require('../recorder/lib/processes');
const { chatPage } = require('../recorder/lib/exporters');
module.exports = async (rec) => {
  const port = await freePort();
  nettyServer(rec, 'netty', '2.0.13', { PORT: String(port), WORKER_THREADS: '1', REPORT_MS: '9000' }, 'server.log');
  await rec.waitPort(port, 30000);
  const page = await chatPage(rec);
  const server = `http://127.0.0.1:${port}`;
  await rec.record({
    url: `http://127.0.0.1:${page}/?io=${server}&n=1&credentials=0`,
    run: async ({ pages, sleep }) => {
      await sleep(2500);
      await pages[0].evaluate(() => { console.log('asking for the report'); socket.emit('report', 'all'); });
      await sleep(300);
      await pages[0].evaluate((url) => {
        const started = Date.now();
        for (const name of ['ticker', 'alerts', 'news']) {
          const widget = io(url, { forceNew: true });
          widget.on('connect', () => console.log(name, 'connected after', Date.now() - started, 'ms'));
          widget.on('connect_error', (err) => console.log(name, 'connect_error', err.message));
        }
      }, server);
      await sleep(11000);
    },
  });
};
