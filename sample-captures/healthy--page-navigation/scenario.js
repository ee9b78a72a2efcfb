// healthy--page-navigation: the page connects, then navigates to a static page after 3 s
// (DevTools "Preserve log" on: both pages are in the HAR).
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '47127' }, log: 'server.log' });
  await rec.waitPort(47127);
  await rec.record({ url: 'http://127.0.0.1:47127/', duration: 6000 });
};
