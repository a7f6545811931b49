// www/sw.js — the service worker that lets the page work offline once loaded. It stores the whole page
// (PRECACHE) when it installs, then answers network first (so a new build is used as soon as it is
// online) and falls back to the stored copy. tests/static.test.mjs checks PRECACHE lists every file.
const CACHE = 'kubeplay-v1';

// Relative to this file. Keep in step with www/ (a test fails when a page file is missing here).
const PRECACHE = [
  './',
  'index.html',
  'css/style.css',
  'js/main.js',
  'js/engine.js',
  'js/state.js',
  'js/format.js',
  'js/editors.js',
  'js/plain-editor.js',
  'js/examples.js',
  'js/summary.js',
  'js/node-grid.js',
  'js/model.js',
  'js/yaml-tree.js',
  'js/svg.js',
  'js/kubectl-panel.js',
  'js/pod-details.js',
  'js/timeline.js',
  'js/scenario.js',
  'js/cron-timeline.js',
  'js/job-gantt.js',
  'js/help.js',
  'js/i18n/index.js',
  'js/i18n/en.js',
  'js/i18n/ko.js',
  'vendor/codemirror.js',
  'pkg/kubeplay_wasm.js',
  'pkg/kubeplay_wasm_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // One by one, so that a missing file (e.g. a page served without its wasm) does not stop the rest.
      await Promise.all(PRECACHE.map((path) => cache.add(new Request(path, { cache: 'no-cache' })).catch(() => {})));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      try {
        const res = await fetch(req);
        if (res.ok && res.type === 'basic') {
          const copy = res.clone();
          event.waitUntil(caches.open(CACHE).then((c) => c.put(req, copy)).catch(() => {}));
        }
        return res;
      } catch (err) {
        const cache = await caches.open(CACHE);
        const hit = (await cache.match(req)) ?? (await cache.match(req, { ignoreSearch: true }));
        if (hit) return hit;
        if (req.mode === 'navigate') {
          const page = (await cache.match(new URL('./', self.location.href).href)) ?? (await cache.match(new URL('index.html', self.location.href).href));
          if (page) return page;
        }
        throw err;
      }
    })(),
  );
});
