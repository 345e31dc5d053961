// What one live update costs the browser, per kind of page (issue 12): opens one page of each kind below in one
// headless Chromium (a context each), lets the demo feed post reports for SECONDS, and prints per page what arrived
// over the circuit (WebSocket frames, KB) and the page's main-thread time (Chrome's Performance metrics: all tasks,
// script, style recalculation, layout), beside the baseline file when there is one.
// usage: node live-cost.mjs BASE SECONDS [BASELINE.json] [SAVE.json]
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
const require = createRequire(process.env.NODE_PATH + '/');
const { chromium } = require('playwright-core');
const [base, seconds, baselineFile, saveFile] = process.argv.slice(2);
const plans = [
  ['dieuphoi@haugiang.demo', '/queue?sort=Received', 'coordinator queue'],
  ['dieuphoi@haugiang.demo', '/map', 'coordinator map'],
  ['dieuphoi@haugiang.demo', '/dashboard', 'coordinator dashboard'],
  ['canbo.vithanh@haugiang.demo', '/queue?sort=Received', 'ward officer queue'],
  ['canbo.vithanh@haugiang.demo', '/map', 'ward officer map'],
  ['lanhdao.vithanh@haugiang.demo', '/dashboard', 'ward head dashboard'],
];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const pages = [];
for (const [email, path, name] of plans) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(base + '/Account/Login', { waitUntil: 'networkidle' });
  await page.locator('input[name="Input.Email"]').fill(email);
  await page.locator('input[type=password]').fill('HauGiang@2026');
  await Promise.all([page.waitForURL(u => !u.toString().includes('/Account/Login')), page.locator('button[type=submit]').first().click()]);
  const p = { name, frames: 0, bytes: 0 };
  page.on('websocket', ws => ws.on('framereceived', f => { p.frames++; p.bytes += typeof f.payload === 'string' ? Buffer.byteLength(f.payload) : f.payload.length; }));
  await page.goto(base + path, { waitUntil: 'networkidle' });
  p.cdp = await ctx.newCDPSession(page);
  await p.cdp.send('Performance.enable');
  pages.push(p);
}
const metrics = async p => Object.fromEntries((await p.cdp.send('Performance.getMetrics')).metrics.map(m => [m.name, m.value]));
await new Promise(r => setTimeout(r, 5000)); // settle: first paints, map setup
for (const p of pages) { p.start = await metrics(p); p.frames0 = p.frames; p.bytes0 = p.bytes; }
await new Promise(r => setTimeout(r, Number(seconds) * 1000));
const rows = {};
for (const p of pages) {
  const m = await metrics(p);
  const ms = k => Math.round((m[k] - p.start[k]) * 1000);
  rows[p.name] = { frames: p.frames - p.frames0, kb: Math.round((p.bytes - p.bytes0) / 1024), task: ms('TaskDuration'), script: ms('ScriptDuration'),
    style: ms('RecalcStyleDuration'), layout: ms('LayoutDuration'), nodes: m.Nodes };
}
await browser.close();
const baseline = baselineFile && existsSync(baselineFile) ? JSON.parse(readFileSync(baselineFile, 'utf8')) : null;
const cell = (name, k) => baseline?.rows?.[name] ? `${baseline.rows[name][k]} → ${rows[name][k]}` : `${rows[name][k]}`;
console.log(`Demo feed for ${seconds} s${baseline ? `; baseline (left of →): ${baseline.note ?? baselineFile}` : ''}`);
console.log('');
console.log('| page | frames | KB received | main-thread tasks (ms) | script (ms) | style (ms) | layout (ms) | DOM nodes |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const name of Object.keys(rows)) {
  console.log(`| ${name} | ${cell(name, 'frames')} | ${cell(name, 'kb')} | ${cell(name, 'task')} | ${cell(name, 'script')} | ${cell(name, 'style')} | ${cell(name, 'layout')} | ${cell(name, 'nodes')} |`);
}
if (saveFile) writeFileSync(saveFile, JSON.stringify({ note: process.env.NOTE ?? '', rows }, null, 2));
