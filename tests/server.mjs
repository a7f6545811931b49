// tests/server.mjs — a tiny static file server (node:http) for www/, used by the browser tests and by
// scripts/serve.mjs. Listens on 127.0.0.1 only; port 0 picks a free port.
import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The www/ folder of this repository. */
export const WWW_DIR = fileURLToPath(new URL('../www/', import.meta.url));

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Maps a URL path to a file under `root` (or under a mounted folder), or null when it escapes. */
function resolvePath(root, mounts, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  let base = root;
  let rest = decoded;
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (decoded.startsWith(prefix)) {
      base = dir;
      rest = decoded.slice(prefix.length);
      break;
    }
  }
  const baseAbs = resolve(base);
  const file = resolve(join(baseAbs, normalize('/' + rest)));
  if (file !== baseAbs && !file.startsWith(baseAbs + sep)) return null;
  return file;
}

/**
 * Starts serving `root` on 127.0.0.1:`port`. `mounts` maps URL prefixes (e.g. '/pkg/') to other folders.
 * Resolves to { url, port, close() }.
 */
export async function startServer({ root = WWW_DIR, port = 0, host = '127.0.0.1', mounts = {}, log = false } = {}) {
  const server = createServer(async (req, res) => {
    const done = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`${status} ${req.method} ${req.url}`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return done(405, 'method not allowed\n');
    const urlPath = new URL(req.url, 'http://localhost').pathname;
    let file = resolvePath(root, mounts, urlPath);
    if (!file) return done(400, 'bad path\n');
    try {
      let st = await fs.stat(file);
      if (st.isDirectory()) {
        if (!urlPath.endsWith('/')) {
          res.writeHead(301, { Location: urlPath + '/' });
          return res.end();
        }
        file = join(file, 'index.html');
        st = await fs.stat(file);
      }
      res.writeHead(200, {
        'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (log) console.log(`200 ${req.method} ${req.url}`);
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).on('error', () => res.destroy()).pipe(res);
    } catch {
      done(404, 'not found\n');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}/`,
    port: actual,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
