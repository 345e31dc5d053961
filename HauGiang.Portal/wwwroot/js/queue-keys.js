// Keyboard-only triage of the queue (README "Accessibility"): with a row's link or checkbox focused, the arrow keys
// move to the row above or below (Home and End to the first and last), and Enter opens the focused report (it is a
// link). One listener on the document, so it survives enhanced navigation and the queue's live re-renders, and no
// handler per row; nothing inline, so the strict CSP holds.
const ROW_LINK = '.hg-queue tbody tr .hg-row-link';

document.addEventListener('keydown', e => {
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || !(e.target instanceof Element)) return;
  const row = e.target.closest('.hg-queue tbody tr');
  if (!row || (e.target.matches('input') && e.target.type !== 'checkbox')) return;
  const links = [...document.querySelectorAll(ROW_LINK)];
  if (links.length === 0) return;
  const at = links.indexOf(row.querySelector('.hg-row-link'));
  const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: links.length - 1 }[e.key];
  if (to === undefined) return;
  e.preventDefault(); // no page scroll: the focused row scrolls itself into view
  const next = links[Math.max(0, Math.min(links.length - 1, to))];
  next.focus();
  next.scrollIntoView({ block: 'nearest' });
});
