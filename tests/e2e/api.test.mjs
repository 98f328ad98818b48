// The JS API, end to end: the module in site/api/ exports `solve(scenario)`, which takes a plain
// object and returns one, with camelCase fields, in real Chromium; bad input of every kind comes
// back as a warning naming the field and the value used, never as NaN, a throw or a panic.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openApi, startServer } from './lib.mjs';

const TIMEOUT = { timeout: 60_000 };

let server;
let browser;
let page;
let problems;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, problems } = await openApi(browser, server.url));
}, TIMEOUT);

after(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
}, TIMEOUT);

/** Stands for inputs that JSON cannot carry to the page. */
const UNDEFINED = Symbol('undefined');
const NAN_TILT = Symbol('{ headTiltDeg: NaN }');

/** Calls `solve` in the page with any value, including `undefined` and a NaN field. */
function solve(scenario) {
  const kind = scenario === UNDEFINED ? 'undefined' : scenario === NAN_TILT ? 'nan' : 'json';
  const json = kind === 'json' ? JSON.stringify(scenario) : 'null';
  return page.evaluate(([kind, json]) => {
    const value = kind === 'undefined' ? undefined : kind === 'nan' ? { headTiltDeg: NaN } : JSON.parse(json);
    return window.postureApi.solve(value);
  }, [kind, json]);
}

/** Every number anywhere in a value, with its path. */
function numbers(value, path = '') {
  if (typeof value === 'number') return [[path, value]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => numbers(v, `${path}.${k}`));
  }
  return [];
}

test('solve returns the documented shape with camelCase fields', TIMEOUT, async () => {
  const posture = await solve({ headTiltDeg: 10 });
  for (const key of ['measures', 'joints', 'cascade', 'landmarks', 'warnings']) {
    assert.ok(key in posture, `missing ${key}`);
  }
  for (const key of [
    'eyeLineTiltDeg', 'shoulderTiltDeg', 'shoulderHeightDiffMm', 'pelvicObliquityDeg',
    'pelvicRotationDeg', 'functionalLegLengthDiffMm', 'coronalBalanceMm', 'sagittalVerticalAxisMm',
    'craniovertebralAngleDeg', 'headLoadKg', 'weightLeftPct',
  ]) {
    assert.equal(typeof posture.measures[key], 'number', key);
  }
  assert.equal(posture.joints.length, 25);
  assert.equal(posture.joints[0].level, 'C0-C1');
  assert.equal(posture.joints[24].level, 'L5-S1');
  assert.equal(posture.landmarks.vertebrae.length, 24);
  const shares = posture.cascade.reduce((sum, step) => sum + step.share, 0);
  assert.ok(Math.abs(shares - 1) < 1e-9, `cascade shares sum to ${shares}`);
  assert.ok(Math.abs(posture.measures.eyeLineTiltDeg) < 0.1, 'full compensation levels the eyes');
  assert.deepEqual(posture.warnings, []);
});

test('without compensation the eye line tilts by the head tilt', TIMEOUT, async () => {
  const posture = await solve({ headTiltDeg: 8, compensation: 0 });
  assert.ok(Math.abs(Math.abs(posture.measures.eyeLineTiltDeg) - 8) < 0.5, `${posture.measures.eyeLineTiltDeg}`);
});

test('bad input gets a clear warning and a safe default, never NaN', TIMEOUT, async () => {
  const cases = [
    [{ headTiltDeg: 90 }, /headTiltDeg: 90 is not usable; using 20/],
    [{ massKg: 'heavy' }, /massKg: "heavy" is not usable; using 75/],
    [{ sex: 'robot' }, /sex: "robot" is not usable/],
    [{ statureCm: -5 }, /statureCm: -5 is not usable; using 120/],
    [{ coupling: { cervical: 3 } }, /coupling\.cervical: 3 is not usable; using 1/],
    [{ wobble: 1 }, /"wobble"/],
    [null, /neutral defaults|null/],
    [UNDEFINED, /neutral defaults|undefined/],
    [42, /42/],
    [NAN_TILT, /headTiltDeg: NaN is not usable; using 0/],
  ];
  for (const [input, expected] of cases) {
    const posture = await solve(input);
    const text = posture.warnings.join(' | ');
    const name = typeof input === 'symbol' ? input.description : JSON.stringify(input);
    assert.match(text, expected, `input ${name}`);
    for (const [path, n] of numbers(posture)) {
      assert.ok(Number.isFinite(n), `input ${name}: ${path} is ${n}`);
    }
  }
  assert.deepEqual(problems.list(), []);
});

test('two thousand solves in a row (allocating and freeing each time) stay finite and repeatable', TIMEOUT, async () => {
  const result = await page.evaluate(() => {
    const { solve } = window.postureApi;
    const first = JSON.stringify(solve({ headTiltDeg: 7, anatomicLegLengthDiffMm: -12 }));
    let bad = 0;
    for (let i = 0; i < 2000; i++) {
      const p = solve({ headTiltDeg: (i % 41) - 20, forwardHeadDeg: i % 61, massKg: i % 7 === 0 ? 'x' : 75 });
      if (!Number.isFinite(p.measures.eyeLineTiltDeg) || p.joints.length !== 25) bad += 1;
    }
    const again = JSON.stringify(solve({ headTiltDeg: 7, anatomicLegLengthDiffMm: -12 }));
    return { bad, same: first === again };
  });
  assert.equal(result.bad, 0);
  assert.ok(result.same, 'the same scenario gives the same posture after many calls');
});

test('solveBands gives ordered, repeatable percentiles of every read-out and cascade share', TIMEOUT, async () => {
  const run = (scenario, options) => page.evaluate(([s, o]) => window.postureApi.solveBands(s, o), [scenario, options]);
  const a = await run({ headTiltDeg: 10 }, { samples: 100, seed: 5 });
  const again = await run({ headTiltDeg: 10 }, { samples: 100, seed: 5 });
  assert.deepEqual(again, a, 'the same seed gives the same bands');
  assert.equal(a.samples, 100);
  assert.deepEqual(a.warnings, []);
  const keys = Object.keys(a.measures);
  assert.ok(keys.includes('shoulderHeightDiffMm') && keys.includes('eyeLineTiltDeg'), keys.join());
  for (const [key, b] of Object.entries(a.measures)) {
    assert.ok(Number.isFinite(b.p5) && b.p5 <= b.p50 && b.p50 <= b.p95, `${key}: ${JSON.stringify(b)}`);
  }
  assert.deepEqual(a.cascade.map((c) => c.step), ['headAndUpperNeck', 'lowerNeckAndShoulders', 'thoracic', 'lumbar', 'pelvisAndLegs']);
  const sh = a.measures.shoulderHeightDiffMm;
  assert.ok(sh.p95 - sh.p5 > 1, `the shoulder difference has a band: ${JSON.stringify(sh)}`);
  const other = await run({ headTiltDeg: 10 }, { samples: 100, seed: 6 });
  assert.notDeepEqual(other.measures, a.measures, 'another seed, other samples');
  const bad = await run({ headTiltDeg: 10 }, { samples: -3, seed: 'x', colour: 1 });
  assert.equal(bad.samples, 200);
  assert.equal(bad.warnings.length, 3, bad.warnings.join(' | '));
});
