// Shortcut keys (README "Accessibility", docs/decisions/016-phone-field-layout.md): "a" accepts and "g" assigns the
// report that is open or whose queue row has the focus (queue-keys.js moves between rows), "/" goes to the search box,
// "?" opens the list of keys (Components/Shared/KeyboardHelp.razor), Escape closes the phone's sheet of actions.
// One listener on the document, so it survives enhanced navigation and live re-renders; nothing inline (strict CSP).
// A key typed into a field is the user's text, never a shortcut.
const ACTIONS = { a: 'Accept', g: 'Assign' };

function typing(target) {
  return target instanceof Element && (target.isContentEditable || target.closest('input:not([type=checkbox]):not([type=radio]), textarea, select, [contenteditable=true], [role=combobox], [role=listbox]'));
}

function go(url) {
  if (window.Blazor && typeof window.Blazor.navigateTo === 'function') window.Blazor.navigateTo(url);
  else window.location.assign(url);
}

function act(name) {
  // The open report: its button for that action (absent when the action is not allowed, then nothing happens).
  if (document.querySelector('[data-testid=report-actions]')) {
    const button = document.querySelector(`[data-testid=report-actions] [data-action=${name}]`);
    if (button) button.click();
    return true;
  }
  // A queue row with the focus: open its report with that action's dialog (ReportPage reads ?action=).
  const link = document.activeElement && document.activeElement.closest('.hg-queue tbody tr')?.querySelector('.hg-row-link');
  if (link) {
    go(link.getAttribute('href') + '?action=' + name);
    return true;
  }
  return false;
}

// The queue's keyboard button opens the same list.
document.addEventListener('click', e => {
  if (e.target instanceof Element && e.target.closest('[data-hg-keys-open]')) document.getElementById('hg-keys-help')?.showModal();
});

document.addEventListener('keydown', e => {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.isComposing || typing(e.target)) return;
  const help = document.getElementById('hg-keys-help');
  if (e.key === '?') {
    if (help && !help.open) { e.preventDefault(); help.showModal(); }
    return;
  }
  // While a dialog is open (ours or an action's), its own keys only.
  if ((help && help.open) || document.querySelector('.mud-dialog-container')) return;
  if (e.key === 'Escape') {
    document.querySelector('[data-testid=sheet-scrim]')?.click();
    return;
  }
  if (e.shiftKey) return;
  if (e.key === '/') {
    const search = document.querySelector('.hg-search-box input');
    if (search) { e.preventDefault(); search.focus(); }
    return;
  }
  const name = ACTIONS[e.key];
  if (name && act(name)) e.preventDefault();
});
