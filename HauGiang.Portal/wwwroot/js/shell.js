// The drawer of the portal's shell (Components/Layout/MainLayout.razor), opened and closed here in the browser with
// MudDrawer's own classes: the server keeps no component and no viewport listener for it on every open page.
// Desktop (>= 960 px): the drawer sits beside the page, open at first; the menu button hides and shows it.
// Phone: the drawer lies over the page, hidden at first; the menu button, a followed link or the scrim close it.
const desktop = window.matchMedia('(min-width: 960px)');

function parts() {
  const shell = document.querySelector('[data-hg-shell]');
  return shell && {
    shell,
    drawer: shell.querySelector('.mud-drawer'),
    scrim: shell.querySelector('[data-hg-drawer-close]'),
    button: shell.querySelector('[data-hg-drawer-toggle]'),
  };
}

function isOpen(p) {
  // Before the first toggle MudDrawer's CSS shows an "initial" open drawer on desktops only.
  return p.drawer.classList.contains('mud-drawer--open') && (desktop.matches || !p.drawer.classList.contains('mud-drawer--initial'));
}

function setOpen(p, open) {
  p.drawer.classList.remove('mud-drawer--initial');
  p.drawer.classList.toggle('mud-drawer--open', open);
  p.drawer.classList.toggle('mud-drawer--closed', !open);
  p.shell.classList.toggle('mud-drawer-open-responsive-md-left', open);
  p.shell.classList.toggle('mud-drawer-close-responsive-md-left', !open);
  p.scrim.hidden = !open || desktop.matches;
  p.button.setAttribute('aria-expanded', open ? 'true' : 'false');
}

function sync() {
  const p = parts();
  if (p) p.button.setAttribute('aria-expanded', isOpen(p) ? 'true' : 'false');
}

document.addEventListener('click', e => {
  const p = parts();
  if (!p || !(e.target instanceof Element)) return;
  if (e.target.closest('[data-hg-drawer-toggle]')) {
    setOpen(p, !isOpen(p));
  } else if (e.target.closest('[data-hg-drawer-close]') || (!desktop.matches && e.target.closest('.mud-drawer a') && isOpen(p))) {
    setOpen(p, false);
  }
});

// Crossing 960 px starts again as a page of that width would (MudDrawer does the same).
desktop.addEventListener('change', () => {
  const p = parts();
  if (p) setOpen(p, desktop.matches);
});

sync();
