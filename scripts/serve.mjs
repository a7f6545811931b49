// scripts/serve.mjs — serves the static page www/ on http://127.0.0.1:PORT/ (PORT defaults to 8080).
// Build first: scripts/build.sh (www/pkg and www/vendor); scripts/serve.sh does both.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, WWW_DIR } from '../tests/server.mjs';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: bad PORT ${process.env.PORT}`);
  process.exit(2);
}
for (const [file, how] of [
  ['vendor/codemirror.js', 'node scripts/build-www.mjs'],
  ['pkg/kubeplay_wasm.js', 'scripts/build.sh'],
]) {
  if (!existsSync(join(WWW_DIR, file))) console.warn(`serve: www/${file} is missing; run ${how}`);
}
const srv = await startServer({ port, log: process.env.SERVE_LOG === '1' });
console.log(`kubeplay: serving www/ at ${srv.url}  (Ctrl+C to stop)`);
const stop = () => srv.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
