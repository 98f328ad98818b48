// Every sentence the demo page says about what the body does, checked against the model: each
// test runs the JS API (site/api/) in Chromium for the scenario a sentence describes and asserts
// what the sentence claims. Change a sentence in www/index.html or the explain captions, and the
// test that backs it here changes with it.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openApi, startServer } from './lib.mjs';

const TIMEOUT = { timeout: 60_000 };
const TILTS = [2, 5, 10, 15, 20, -5, -12];

let server;
let browser;
let page;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page } = await openApi(browser, server.url));
}, TIMEOUT);

after(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
}, TIMEOUT);

const solve = (scenario) => page.evaluate((s) => window.postureApi.solve(s), scenario);
const share = (posture, step) => posture.cascade.find((c) => c.step === step).share;

test('"most of the work is done by the neck and the upper back" for a head tilt', TIMEOUT, async () => {
  for (const t of TILTS) {
    const p = await solve({ headTiltDeg: t });
    const upper = share(p, 'lowerNeckAndShoulders') + share(p, 'thoracic');
    assert.ok(upper > 0.7, `tilt ${t}°: lower neck and thoracic spine do ${upper} of the correcting`);
  }
});

test('"for a head tilt the pelvis stays level and the weight stays evenly on both feet"', TIMEOUT, async () => {
  for (const t of TILTS) {
    const { measures: m } = await solve({ headTiltDeg: t });
    // As the widget words them: level under 0.05°, even within half a point.
    assert.ok(Math.abs(m.pelvicObliquityDeg) < 0.05, `tilt ${t}°: pelvis ${m.pelvicObliquityDeg}°`);
    assert.ok(Math.abs(m.weightLeftPct - 50) < 0.5, `tilt ${t}°: ${m.weightLeftPct}% left`);
  }
});

test('"the hips shifting a little sideways (about 1 mm for a 5° tilt, 3 mm for 20°)"', TIMEOUT, async () => {
  for (const [t, mm] of [[5, 1], [20, 3]]) {
    const { landmarks: l } = await solve({ headTiltDeg: t });
    const shift = Math.abs((l.hipLeft.x + l.hipRight.x) / 2);
    assert.ok(Math.abs(shift - mm) < 1, `tilt ${t}°: the hips shift ${shift} mm`);
  }
});

test('"the top of the spine tips the shoulder line a little, and the shoulder girdles take most of that back … within a few millimetres of level"', TIMEOUT, async () => {
  for (const t of TILTS) {
    const { measures: m } = await solve({ headTiltDeg: t });
    const girdle = m.shoulderElevationDiffMm;
    const thorax = m.shoulderHeightDiffMm - girdle;
    assert.ok(Math.abs(thorax) >= 0.5, `tilt ${t}°: the top of the spine tips the shoulders by ${thorax} mm`);
    assert.ok(Math.sign(girdle) === -Math.sign(thorax), `tilt ${t}°: the girdles work against it (${girdle} mm)`);
    assert.ok(Math.abs(girdle) > 0.5 * Math.abs(thorax), `tilt ${t}°: the girdles take back most (${girdle} of ${thorax} mm)`);
    assert.ok(Math.abs(m.shoulderHeightDiffMm) <= 3, `tilt ${t}°: ${m.shoulderHeightDiffMm} mm from level`);
  }
});

test('explain captions: for a head tilt "the hips shift and turn a little to keep the balance"', TIMEOUT, async () => {
  for (const t of TILTS) {
    const p = await solve({ headTiltDeg: t });
    const { hipLeft, hipRight } = p.landmarks;
    const shiftMm = Math.abs((hipLeft.x + hipRight.x) / 2);
    const turnDeg = Math.abs(p.measures.pelvicRotationDeg);
    assert.ok(share(p, 'pelvisAndLegs') > 0, `tilt ${t}°: the pelvis and legs take a share`);
    assert.ok(shiftMm > 0.5 || turnDeg > 0.05, `tilt ${t}°: hips shift ${shiftMm} mm, turn ${turnDeg}°`);
  }
});

test('"the pelvis tips, and the low and mid back bend back towards the middle" for a longer leg', TIMEOUT, async () => {
  for (const mm of [5, 10, 20, -10]) {
    const p = await solve({ anatomicLegLengthDiffMm: mm });
    assert.ok(Math.abs(p.measures.pelvicObliquityDeg) >= 0.3, `${mm} mm: pelvis ${p.measures.pelvicObliquityDeg}°`);
    assert.equal(Math.sign(p.measures.pelvicObliquityDeg), Math.sign(mm), 'the long side is higher');
    const back = share(p, 'lumbar') + share(p, 'thoracic');
    assert.ok(back > 0.1, `${mm} mm: low and mid back do ${back} of the correcting`);
    // Back towards the middle: the spine bends against the pelvis's tip.
    const lumbarBend = p.joints.filter((j) => j.level.startsWith('L')).reduce((a, j) => a + j.lateralBendDeg, 0);
    assert.ok(Math.sign(lumbarBend) === Math.sign(mm) && Math.abs(lumbarBend) > 0.1, `${mm} mm: lumbar bend ${lumbarBend}°`);
    assert.ok(Math.abs(p.measures.eyeLineTiltDeg) < 0.1, 'the head stays level');
  }
});

test('"add some forward head posture and watch the load on the neck climb"', TIMEOUT, async () => {
  let last = -Infinity;
  for (const deg of [0, 15, 30, 45, 60]) {
    const { measures: m } = await solve({ forwardHeadDeg: deg });
    assert.ok(m.headLoadKg > last, `${deg}°: ${m.headLoadKg} kg`);
    last = m.headLoadKg;
  }
});

test('"each vertebra is coloured by how hard its joint is pressed together, compared with standing upright"', TIMEOUT, async () => {
  // Upright, every joint is at its own standing compression: the ratio the colours show is 1.
  const upright = await solve({});
  for (const j of upright.joints) {
    assert.ok(j.compressionN > 0, `${j.level}: ${j.compressionN} N`);
    assert.ok(Math.abs(j.compressionRatio - 1) < 1e-9, `${j.level}: ${j.compressionRatio}`);
  }
  // A forward head presses the base of the neck harder than standing does: with the gaze righted
  // (the trunk leans back and takes part of the lever away) and more so with the head bowed.
  const righted = await solve({ forwardHeadDeg: 30 });
  const bowed = await solve({ forwardHeadDeg: 30, compensation: 0 });
  const c7 = righted.joints.find((j) => j.level === 'C7-T1');
  const c7Bowed = bowed.joints.find((j) => j.level === 'C7-T1');
  assert.ok(c7.compressionRatio > 1.1, `C7-T1 at ${c7.compressionRatio}× standing`);
  assert.ok(c7Bowed.compressionRatio > c7.compressionRatio + 0.3, `bowed: ${c7Bowed.compressionRatio}×`);
  assert.ok(Math.abs(c7.compressionN / c7.compressionRatio - upright.joints[7].compressionN) < 1e-6);
});

test('explain captions: the lumbar spine bends the same way as the thoracic for a head tilt', TIMEOUT, async () => {
  // The caption says the lumbar vertebrae "bend a little more", not against the curve above.
  for (const t of TILTS) {
    const { joints } = await solve({ headTiltDeg: t });
    const sum = (prefix) => joints.filter((j) => j.level.startsWith(prefix)).reduce((a, j) => a + j.lateralBendDeg, 0);
    assert.equal(Math.sign(sum('L')), Math.sign(sum('T')), `tilt ${t}°`);
  }
});

test('the widget says when a posture asks joints beyond their range, and only then', TIMEOUT, async () => {
  const note = page.locator('posture-chain .warn');
  const settle = () => page.waitForFunction(() => {
    const el = document.querySelector('posture-chain');
    return el?._widget?.isSettled() && !el._raf && !el._liveTimer?.pending;
  });
  const set = async (deg) => {
    await page.evaluate((d) => document.querySelector('posture-chain').setAttribute('head-tilt', String(d)), deg);
    await settle();
  };
  await set(20);
  await note.waitFor({ state: 'visible' });
  const text = await note.textContent();
  assert.match(text, /Beyond the model's range/);
  assert.match(text, /C0-C1: lateral bend of 10\.0° is beyond its range of motion \(5°\)/);
  await set(5);
  await note.waitFor({ state: 'hidden' });
});
