// In-page notices (docs/decisions/010-notices.md): the count of unseen new work in the tab's title, a short sound,
// and the browser's own notification while the tab is hidden. Imported by the layout's NoticeCenter through the
// circuit, and loaded by App.razor on every page for the settings page's buttons (a static page, no circuit).
// Our own module: the Content-Security-Policy allows no inline script.

const countPrefix = /^\(\d+\) /;
let count = 0;
let titleWatch = null;
let audio = null;
let sounding = 0; // beeps still playing: the audio context is suspended when none is

function applyTitle() {
    const base = document.title.replace(countPrefix, '');
    const wanted = count > 0 ? `(${count}) ${base}` : base;
    if (document.title !== wanted) {
        document.title = wanted;
    }
}

/** Shows n in front of the tab's title (nothing for 0), also after Blazor writes a new page's title. */
export function setCount(n) {
    count = n;
    if (!titleWatch && n > 0) {
        titleWatch = new MutationObserver(applyTitle);
        titleWatch.observe(document.head, { subtree: true, childList: true, characterData: true });
    }
    applyTitle();
}

/** One batch of notices: the title's count, the sound, and a browser notification if the tab is hidden. */
export function notify(notice) {
    setCount(notice.count);
    if (notice.sound) {
        beep();
    }

    if (notice.browser && notice.title && document.visibilityState === 'hidden'
        && 'Notification' in window && Notification.permission === 'granted') {
        const shown = new Notification(notice.title, { body: notice.body, tag: notice.tag, icon: 'favicon.png', lang: document.documentElement.lang });
        shown.onshow = () => { document.documentElement.dataset.lastNotification = notice.tag; };
        shown.onclick = () => {
            window.focus();
            shown.close();
            open(notice.url);
        };
    }
}

// Inside the running app when it can (keeps the circuit and its unseen count), else a plain page load.
function open(url) {
    if (window.Blazor && typeof window.Blazor.navigateTo === 'function') {
        window.Blazor.navigateTo(url);
    } else {
        window.location.assign(url);
    }
}

/** Two short soft tones made on the spot (Web Audio): no sound file to download. */
export function beep() {
    try {
        audio ??= new AudioContext();
        if (audio.state === 'suspended') {
            audio.resume();
        }

        const start = audio.currentTime;
        const gain = audio.createGain();
        gain.connect(audio.destination);
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.4);
        for (const [frequency, at] of [[880, 0], [1320, 0.14]]) {
            const tone = audio.createOscillator();
            tone.type = 'sine';
            tone.frequency.value = frequency;
            tone.connect(gain);
            tone.start(start + at);
            tone.stop(start + at + 0.22);
        }

        // A running audio context keeps an audio thread busy in the tab for as long as the page is open (about
        // 0.007 of a core per page, measured with 30 pages): rest it once the sound is over.
        sounding++;
        const context = audio;
        setTimeout(() => {
            if (--sounding === 0 && context.state === 'running') {
                context.suspend();
            }
        }, 600);
    } catch {
        // No audio here (or not allowed yet): the toast and the title say it anyway.
    }
}

export function dispose() {
    titleWatch?.disconnect();
    titleWatch = null;
    count = 0;
    applyTitle();
    audio?.close();
    audio = null;
}

// The settings page: [data-notify-permission] asks this browser for permission to show notifications, and
// [data-notify-state] says what the browser answered (its texts are in data-granted/-denied/-default/-unsupported).
function showPermission() {
    const state = document.querySelector('[data-notify-state]');
    if (!state) {
        return;
    }

    const answer = 'Notification' in window ? Notification.permission : 'unsupported';
    state.textContent = state.dataset[answer] ?? '';
    state.dataset.permission = answer;
    const ask = document.querySelector('[data-notify-permission]');
    if (ask) {
        ask.disabled = answer !== 'default';
    }
}

document.addEventListener('click', async event => {
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('[data-notify-permission]') && 'Notification' in window) {
        event.preventDefault();
        await Notification.requestPermission();
        showPermission();
    } else if (target?.closest('[data-notify-beep]')) {
        event.preventDefault();
        beep();
    }
});

showPermission();
window.Blazor?.addEventListener?.('enhancedload', showPermission);
