// A Service Worker for test/browser/browser.test.ts: answers ./greeting itself, so the server never sees it.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  if (new URL(event.request.url).pathname.endsWith('/greeting')) {
    event.respondWith(new Response('answered by the service worker', { headers: { 'content-type': 'text/plain' } }));
  }
});
