"""A python-socketio 5.7 / python-engineio 4.3 server (Debian's python3-socketio) on aiohttp,
as the scenarios in sample-captures record it. It serves the scenario's client.html (or PAGE, a
path from the scenario folder: a twin folder's page) at / and the
socket.io-client browser bundles of the recorder at /vendor/v2|v3|v4/socket.io.js.

Environment: PORT, NODE_NAME (a label in app lines), and the set-up under test:
  CORS_ORIGINS   comma-separated cors_allowed_origins (unset: python-socketio's default, same origin)
  TRANSPORTS     comma-separated engine.io transports (unset: polling,websocket)
  REJECT_CONNECT 1: the connect handler returns False (what an auth check does)
  MAX_HTTP_BUFFER_SIZE  engine.io max_http_buffer_size in bytes
  PING_INTERVAL, PING_TIMEOUT  engine.io ping_interval / ping_timeout in seconds (defaults 25 / 20)
  DISCONNECT_AFTER  seconds: that long after a client connected, the app calls sio.disconnect(sid)
                 (what a session-expiry or logged-in-elsewhere check does)
  BLOCKING_REPORT seconds: the `report` event handler makes a blocking call (time.sleep) that long
                 inside the async handler, as a synchronous DB driver, requests.get or CPU work does:
                 the event loop stops for every client

Only the main namespace / has handlers, so python-socketio refuses a CONNECT to any other one.

Logging as the python-socketio docs show it (logger=True, engineio_logger=True), with the
timestamped format most deployments configure (logging.basicConfig with asctime).
"""
import asyncio
import logging
import os
import sys
import time

from aiohttp import web
import socketio

HERE = os.getcwd()
NODE_MODULES = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'recorder', 'node_modules')
NODE = os.environ.get('NODE_NAME', 'server')

logging.basicConfig(stream=sys.stdout, level=logging.INFO,
                    format='%(asctime)s %(levelname)s %(name)s: %(message)s')
# a level set beforehand keeps python-engineio from adding its own bare StreamHandler
logging.getLogger('engineio.server').setLevel(logging.INFO)
logging.getLogger('socketio.server').setLevel(logging.INFO)
app_log = logging.getLogger('app')

options = {}
if os.environ.get('CORS_ORIGINS'):
    options['cors_allowed_origins'] = os.environ['CORS_ORIGINS'].split(',')
if os.environ.get('TRANSPORTS'):
    options['transports'] = os.environ['TRANSPORTS'].split(',')
if os.environ.get('MAX_HTTP_BUFFER_SIZE'):
    options['max_http_buffer_size'] = int(os.environ['MAX_HTTP_BUFFER_SIZE'])
if os.environ.get('PING_INTERVAL'):
    options['ping_interval'] = float(os.environ['PING_INTERVAL'])
if os.environ.get('PING_TIMEOUT'):
    options['ping_timeout'] = float(os.environ['PING_TIMEOUT'])

sio = socketio.AsyncServer(async_mode='aiohttp', logger=True, engineio_logger=True, **options)
app = web.Application()
sio.attach(app)


@sio.event
async def connect(sid, environ, auth=None):
    if os.environ.get('REJECT_CONNECT') == '1':
        app_log.info('[%s] rejecting %s: no valid token in %r', NODE, sid, auth)
        return False
    app_log.info('[%s] connect %s', NODE, sid)
    if os.environ.get('DISCONNECT_AFTER'):
        sio.start_background_task(disconnect_later, sid, float(os.environ['DISCONNECT_AFTER']))
    return True


async def disconnect_later(sid, seconds):
    await asyncio.sleep(seconds)
    app_log.info('[%s] session of %s expired, disconnecting it', NODE, sid)
    await sio.disconnect(sid)


@sio.event
async def disconnect(sid):
    app_log.info('[%s] disconnect %s', NODE, sid)


@sio.on('chat')
async def chat(sid, message):
    await sio.emit('chat', 'echo ' + str(message)[:80], to=sid)
    return {'ok': True}


@sio.on('report')
async def report(sid):
    seconds = float(os.environ.get('BLOCKING_REPORT', '0'))
    app_log.info('[%s] report requested by %s: building it (%d clients connected)', NODE, sid, len(sio.eio.sockets))
    time.sleep(seconds)  # blocking on purpose (BLOCKING_REPORT): nothing else runs meanwhile
    app_log.info('[%s] report done after %.0f s', NODE, seconds)


async def index(request):
    return web.FileResponse(os.path.join(HERE, os.environ.get('PAGE', 'client.html')), headers={'Cache-Control': 'no-store'})


async def bundle(request):
    v = request.match_info['v']
    if v not in ('v2', 'v3', 'v4'):
        raise web.HTTPNotFound()
    return web.FileResponse(os.path.join(NODE_MODULES, 'socket.io-client-' + v, 'dist', 'socket.io.js'),
                            headers={'Content-Type': 'application/javascript', 'Cache-Control': 'no-store'})


app.router.add_get('/', index)
app.router.add_get('/vendor/{v}/socket.io.js', bundle)

if __name__ == '__main__':
    web.run_app(app, host='127.0.0.1', port=int(os.environ['PORT']), print=lambda s: app_log.info('[%s] %s', NODE, s))
