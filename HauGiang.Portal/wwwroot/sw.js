// The portal's service worker: it shows Web Push notifications and opens the report when one is tapped.
// It has no fetch handler and caches nothing: every page and every piece of report data comes from the server
// each time, exactly as without a worker (signed-in pages must never stay on a shared or lost phone).
// The payload (Features/Push/PushNotice.cs) carries only a report's code, category, place and its page's path.

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));

self.addEventListener('push', event => {
    let data = {};
    try {
        data = event.data ? event.data.json() : {};
    } catch {
        data = {};
    }

    event.waitUntil(self.registration.showNotification(data.title || 'HauGiang.Portal', {
        body: data.body || '',
        tag: data.tag || undefined,
        lang: 'vi',
        icon: '/icons/icon-192.png',
        badge: '/icons/badge-72.png',
        data: { url: reportPath(data.url) },
    }));
});

self.addEventListener('notificationclick', event => {
    event.notification.close();
    const target = new URL(reportPath(event.notification.data && event.notification.data.url), self.location.origin).href;
    event.waitUntil((async () => {
        const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
        const open = windows.find(w => w.url === target);
        if (open) {
            return open.focus();
        }

        return self.clients.openWindow(target);
    })());
});

// Only a report page of this site is ever opened from a notification.
function reportPath(url) {
    return typeof url === 'string' && /^\/reports\/[A-Za-z0-9%._-]+$/.test(url) ? url : '/';
}
