// Times switching on edit mode in headless Debian chromium (playwright-core drives /usr/bin/chromium).
//   node edit.mjs URL [RUNS] [ZOOMS]   ZOOMS: comma-separated web-map zooms, "open" = the opening view (default open,13,15)
// Each run: a fresh page opened at the city's opening view (then, for a number, centred on the city at that zoom and
// settled); the figure is from the click on the edit-mode box until the edit layer is drawn (its line request
// answered — or refused with "zoom in" — and a render completed). Also the lines received and the bytes of the
// /api/v1/lines answers. Works with the page before (whole level) and after (lines in view) the bbox change.
import { chromium } from 'playwright-core';

const url = process.argv[2];
const runs = Number(process.argv[3] || 3);
const zooms = (process.argv[4] || 'open,13,15').split(',');
const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
for (const zoom of zooms) {
  const times = [];
  let lines = 0, bytes = 0, refused = null;
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    let got = 0;
    page.on('requestfinished', async q => { if (q.url().includes('/api/v1/lines?')) { try { got += (await q.sizes()).responseBodySize; } catch { } } });
    await page.goto(url);
    await page.waitForFunction(() => window.viewer && (window.viewer.checksReady || window.viewer.error), null, { timeout: 600000, polling: 100 });
    if (zoom !== 'open') {
      await page.evaluate(async z => { window.viewer.map.getView().setZoom(Number(z)); await window.viewer.whenSettled(); }, zoom);
    }
    const ms = await page.evaluate(() => new Promise(resolve => {
      const v = window.viewer;
      const t0 = performance.now();
      document.getElementById('edit-mode').click();
      const done = () => v.linesLayer && (v.linesRounds !== undefined ? v.linesRounds >= 1 && v.linesPending === 0 : v.linesLayer.getSource().getFeatures().length > 0);
      const poll = () => {
        if (!done()) { setTimeout(poll, 5); return; }
        v.map.once('rendercomplete', () => resolve(performance.now() - t0));
        v.map.render();
      };
      poll();
    }));
    const state = await page.evaluate(() => ({ n: window.viewer.linesLayer.getSource().getFeatures().length, refused: window.viewer.linesRefused ? window.viewer.linesRefused.detail : null }));
    times.push(ms); lines = state.n; bytes = got; refused = state.refused;
    await context.close();
  }
  console.log(`zoom ${zoom}: edit mode on in median ${Math.round(median(times))} ms (${times.map(Math.round).join(', ')}); ${lines} lines, ${(bytes / 1e6).toFixed(2)} MB${refused ? '; refused: ' + refused : ''}`);
}
await browser.close();
