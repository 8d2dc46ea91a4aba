import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
for (let i = 0; i < 3; i++) {
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(process.argv[2]);
await page.waitForFunction(() => window.viewer && window.viewer.opened, null, { timeout: 300000, polling: 50 });
console.log(await page.evaluate(() => JSON.stringify({ openedAt: Math.round(viewer.openedAt),
  nav: performance.getEntriesByType('navigation').map(e => [Math.round(e.responseEnd), Math.round(e.domInteractive), Math.round(e.domContentLoadedEventEnd)]),
  res: performance.getEntriesByType('resource').filter(e => !/survey|trij|findings/.test(e.name)).map(e => [e.name.replace(/.*:\d+/, '').slice(0, 30), Math.round(e.startTime), Math.round(e.responseEnd)]) })));
await page.close();
}
await browser.close();
