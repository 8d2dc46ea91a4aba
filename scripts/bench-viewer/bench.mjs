// Times the web map in headless Debian chromium (playwright-core drives /usr/bin/chromium; nothing is downloaded).
//   node bench.mjs URL [RUNS]
// Open: a fresh page per run; the figure is the page's own viewer.openedAt — milliseconds from navigation start until
// the divisions of every level were first drawn (levels loaded for the opening zoom, sign-in state known, and a
// completed render after that: OpenLayers' rendercomplete). Pan: on one page, 10 steps of 300 px at the opening zoom,
// then 10 at a district-sized zoom (+3) and 10 at a street zoom (15, stored geometry); each step is timed from
// setting the centre to viewer.whenSettled() (any detail request answered and drawn). During an animated pan of
// 2 s at the district zoom the intervals between animation frames are recorded (frame times). A first open, not
// counted, lets the server compute its once-per-version checks.
import { chromium } from 'playwright-core';

const url = process.argv[2];
const runs = Number(process.argv[3] || 5);
if (!url) {
  console.error('usage: node bench.mjs URL [RUNS]');
  process.exit(2);
}
const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p / 100 * s.length))]; };
const r0 = x => Math.round(x);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
// BOUNDARIES_BENCH_NICE=-10 (root): the browser's scheduling group gets that nice value — on a machine shared with
// other work this approximates a quiet one (playwright starts chromium in a session of its own, so a plain `nice`
// around this script does not reach it)
if (process.env.BOUNDARIES_BENCH_NICE) {
  const fs = await import('node:fs');
  const children = fs.readdirSync('/proc').filter(p => /^\d+$/.test(p)).filter(p => {
    try { return fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ')[1] === String(process.pid); } catch { return false; }
  });
  for (const pid of children) fs.writeFileSync(`/proc/${pid}/autogroup`, process.env.BOUNDARIES_BENCH_NICE);
  console.log(`browser scheduling group at nice ${process.env.BOUNDARIES_BENCH_NICE} (processes ${children.join(', ')})`);
}
const open = async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.viewer && (window.viewer.opened || window.viewer.error), null, { timeout: 300000, polling: 50 });
  const state = await page.evaluate(() => ({
    openedAt: window.viewer.openedAt, error: window.viewer.error, zoom: window.viewer.openingZoom, counts: window.viewer.counts,
    vertices: window.viewer.levels.reduce((n, l) => n + window.viewer.layers[l].getSource().getFeatures()
      .reduce((m, f) => m + f.getGeometry().getFlatCoordinates().length / 2, 0), 0),
  }));
  if (state.error) throw new Error('the page failed: ' + state.error);
  return { context, page, state };
};

// a first open, not counted: the server computes its checks (findings, tri-junctions) once, after the map is drawn;
// the runs after it open the map as every later visitor does
{
  const { context, page, state } = await open();
  console.log(`first open (not counted): ${r0(state.openedAt)} ms`);
  await page.waitForFunction(() => window.viewer.checksReady || window.viewer.error, null, { timeout: 600000, polling: 200 });
  await context.close();
}
const opens = [];
for (let i = 0; i < runs; i++) {
  const { context, state } = await open();
  opens.push(state.openedAt);
  console.log(`open run ${i + 1}: ${r0(state.openedAt)} ms (zoom ${state.zoom}, divisions ${JSON.stringify(state.counts)}, vertices drawn ${state.vertices})`);
  await context.close();
}
console.log(`OPEN median ${r0(median(opens))} ms, min ${r0(Math.min(...opens))}, max ${r0(Math.max(...opens))} over ${runs} runs`);

const { context, page, state } = await open();
const panSteps = async (zoom, label) => {
  const steps = await page.evaluate(async ({ zoom }) => {
    const map = window.viewer.map, view = map.getView();
    view.setZoom(zoom);
    await window.viewer.whenSettled();
    const times = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      const c = map.getPixelFromCoordinate(view.getCenter());
      view.setCenter(map.getCoordinateFromPixel([c[0] + (i < 5 ? 300 : -300), c[1] + (i % 2 ? 150 : -150)]));
      await window.viewer.whenSettled();
      times.push(performance.now() - t0);
    }
    return times;
  }, { zoom });
  console.log(`PAN ${label} (zoom ${zoom}): step median ${r0(median(steps))} ms, max ${r0(Math.max(...steps))} ms (10 steps of 300 px: ${steps.map(r0).join(' ')})`);
};
await panSteps(state.zoom, 'opening zoom');
await panSteps(state.zoom + 3, 'district zoom');
await panSteps(15, 'street zoom, stored geometry');

const frames = await page.evaluate(async ({ zoom }) => {
  const map = window.viewer.map, view = map.getView();
  view.setZoom(zoom);
  await window.viewer.whenSettled();
  const c = view.getCenter(), res = view.getResolution();
  const intervals = [];
  let last = performance.now(), going = true;
  const tick = now => { intervals.push(now - last); last = now; if (going) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  await new Promise(done => view.animate({ center: [c[0] + 1400 * res, c[1]], duration: 2000 }, () => done()));
  going = false;
  await window.viewer.whenSettled();
  return intervals.slice(1);
}, { zoom: state.zoom + 3 });
console.log(`FRAMES animated pan 2 s at zoom ${state.zoom + 3}: ${frames.length} frames, median ${median(frames).toFixed(1)} ms, p95 ${pct(frames, 95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms`);
await context.close();
await browser.close();
