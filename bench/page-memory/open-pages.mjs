// Opens N pages of PATH in one headless Chromium (a context each, signed in as EMAILS in turn), waits until each is
// interactive, prints 'open N', holds them HOLD seconds. usage: node open-pages.mjs BASE N PATH EMAIL...
import { createRequire } from 'node:module';
const require = createRequire(process.env.NODE_PATH + '/');
const { chromium } = require('playwright-core');
const [base, n, path, ...emails] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const states = {};
for (const email of emails) {
  const ctx = await browser.newContext(); const page = await ctx.newPage();
  await page.goto(base + '/Account/Login', { waitUntil: 'networkidle' });
  await page.locator('input[name="Input.Email"]').fill(email);
  await page.locator('input[type=password]').fill('HauGiang@2026');
  await Promise.all([page.waitForURL(u => !u.toString().includes('/Account/Login')), page.locator('button[type=submit]').first().click()]);
  states[email] = await ctx.storageState(); await ctx.close();
}
const pages = [];
for (let i = 0; i < Number(n); i++) {
  const ctx = await browser.newContext({ storageState: states[emails[i % emails.length]], viewport: { width: 1366, height: 850 } });
  const page = await ctx.newPage();
  await page.goto(base + path);
  await page.locator('[data-interactive=true]').first().waitFor({ state: 'attached', timeout: 60000 }).catch(() => {});
  pages.push(page);
}
console.log('open', pages.length);
// Holds HOLD seconds, or until the file STOP exists (the script that started us measures, then ends the fleets).
const { existsSync } = await import('node:fs');
const until = Date.now() + Number(process.env.HOLD || 40) * 1000;
while (Date.now() < until && !(process.env.STOP && existsSync(process.env.STOP))) await new Promise(r => setTimeout(r, 500));
await browser.close();
