// non-socketio-response--sso-login-redirect: nginx (app.example.com:48661) redirects /socket.io/
// requests without a session cookie to login.example.com:48662; socket.io backend on 48663.
module.exports = async (rec) => {
  rec.node('server', 'server.js', { env: { PORT: '48663' }, log: 'server.log' });
  await rec.waitPort(48663);
  await rec.nginx('nginx.conf');
  await rec.record({
    url: 'http://app.example.com:48661/',
    duration: 6000,
    args: ['--host-resolver-rules=MAP app.example.com 127.0.0.1, MAP login.example.com 127.0.0.1, MAP * ~NOTFOUND'],
  });
};
