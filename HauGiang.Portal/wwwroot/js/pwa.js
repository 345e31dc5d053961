// Loaded on every page (App.razor): registers the service worker (/sw.js: notifications only, no cache) so the
// portal can be installed, and defines <push-device>, the switch of the account page "Thông báo đẩy".

const canPush = 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window && window.isSecureContext;

function registration() {
    return navigator.serviceWorker.register('/sw.js', { scope: '/' });
}

if ('serviceWorker' in navigator && window.isSecureContext) {
    registration().catch(() => { /* no worker: the portal works as a plain site */ });
}

function base64Url(buffer) {
    return btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
    return Uint8Array.from(atob(base64), c => c.charCodeAt(0));
}

async function hash(text) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, '0')).join('');
}

customElements.define('push-device', class extends HTMLElement {
    connectedCallback() {
        this.querySelector('[data-action=subscribe]')?.addEventListener('click', () => this.#run(() => this.#subscribe()));
        this.querySelector('[data-action=unsubscribe]')?.addEventListener('click', () => this.#run(() => this.#unsubscribe()));
        this.#show().catch(() => this.#state('text-failed'));
    }

    async #run(action) {
        this.querySelectorAll('button').forEach(b => b.disabled = true);
        try {
            await action();
        } catch (e) {
            console.warn(e);
            this.#state('text-failed');
        } finally {
            this.querySelectorAll('button').forEach(b => b.disabled = false);
        }
    }

    // Shows whether this browser is one of the user's devices in the list below (compared by the endpoint's hash).
    async #show() {
        if (!canPush) {
            this.#state('text-unsupported');
            return;
        }

        if (Notification.permission === 'denied') {
            this.#state('text-denied');
            return;
        }

        const subscription = await (await registration()).pushManager.getSubscription();
        const row = subscription && document.querySelector(`[data-endpoint-hash="${await hash(subscription.endpoint)}"]`);
        row?.querySelector('[data-this-device]')?.removeAttribute('hidden');
        this.#state(row ? 'text-on' : 'text-off', row ? 'unsubscribe' : 'subscribe');
    }

    async #subscribe() {
        // Asked in the click itself: browsers only show the permission prompt for a user's gesture.
        if (await Notification.requestPermission() !== 'granted') {
            this.#state('text-denied');
            return;
        }

        const reg = await registration();
        const key = this.getAttribute('key');
        let subscription = await reg.pushManager.getSubscription();
        if (subscription && base64Url(subscription.options.applicationServerKey) !== key) {
            await subscription.unsubscribe(); // made for another key (a re-installed server): useless now
            subscription = null;
        }

        subscription ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64Url(key) });
        await this.#post('/api/push/devices', subscription.toJSON());
        location.reload();
    }

    async #unsubscribe() {
        const subscription = await (await registration()).pushManager.getSubscription();
        if (subscription) {
            await this.#post('/api/push/devices/remove', { endpoint: subscription.endpoint });
            await subscription.unsubscribe();
        }

        location.reload();
    }

    async #post(url, body) {
        const response = await fetch(url, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', [this.getAttribute('request-token-name')]: this.getAttribute('request-token-value') },
            body: JSON.stringify(body),
        });
        if (!response.ok) {
            throw new Error(`The server answered ${response.status}.`);
        }
    }

    #state(textAttribute, button) {
        const state = this.querySelector('.hg-push-state');
        if (state) {
            state.textContent = this.getAttribute(textAttribute) ?? '';
        }

        this.querySelectorAll('[data-action]').forEach(b => b.hidden = b.dataset.action !== button);
    }
});
