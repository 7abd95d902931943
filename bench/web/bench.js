// The browser side of `make bench` (driven by e2e/bench_report_test.go):
// Redline's Go code compiled to wasm (bench/wasm) and its JavaScript peers
// run on the same data in the same page, alternately, one warm-up run each
// then the timed runs. Times are performance.now() around each call, so
// they include what the page pays to pass strings in and results out.
// Offsets handed back are code points, like the truth they are judged by.

import { anchor as hypothesisAnchor } from "./match-quote.js";

const diff_match_patch = module.exports;

async function load() {
  const go = new Go();
  const wasm = await WebAssembly.instantiateStreaming(fetch("/wasm/bench.wasm"), go.importObject);
  go.run(wasm.instance); // registers globalThis.redlineBench, then waits
  const task = await (await fetch("/task.json")).json();
  document.getElementById("state").textContent = "Ready.";
  return task;
}

// time runs each contender once to warm up, then runs times, alternating,
// and returns each one's times in ms and its last result.
function time(runs, contenders) {
  const out = {};
  for (const name in contenders) out[name] = { ms: [] };
  for (let i = 0; i <= runs; i++) {
    for (const [name, fn] of Object.entries(contenders)) {
      const t0 = performance.now();
      const result = fn();
      const ms = performance.now() - t0;
      if (result instanceof Error) throw result;
      if (i > 0) out[name].ms.push(ms);
      out[name].result = result;
    }
  }
  return out;
}

const codePoints = (s) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

// unitOffsets maps every code-point offset of s to its UTF-16 offset;
// cpOffsets maps UTF-16 offsets back (within a surrogate pair, to the
// code point it belongs to).
function unitOffsets(s) {
  const out = [0];
  for (const ch of s) out.push(out[out.length - 1] + ch.length);
  return out;
}
function cpOffsets(s) {
  const out = [];
  let cp = 0;
  for (const ch of s) {
    for (let k = 0; k < ch.length; k++) out.push(cp);
    cp++;
  }
  out.push(cp);
  return out;
}

// dmpSummary counts what diff-match-patch shows a reader: changes (runs of
// deletions and insertions) and the code points they mark.
function dmpSummary(diffs) {
  let changes = 0, marked = 0, inChange = false;
  for (const [op, text] of diffs) {
    if (op === 0) {
      inChange = false;
      continue;
    }
    if (!inChange) changes++;
    inChange = true;
    marked += codePoints(text);
  }
  return { changes, marked };
}

window.bench = {
  ready: load(),

  // diff: Redline's word diff against diff_main + diff_cleanupSemantic
  // with diff-match-patch's defaults (Diff_Timeout 1 s), as NewsDiffs uses it.
  async diff(runs) {
    const { old: a, new: b } = await this.ready;
    const dmp = new diff_match_patch();
    const out = time(runs, {
      redline: () => redlineBench.diff(a, b),
      dmp: () => {
        const d = dmp.diff_main(a, b);
        dmp.diff_cleanupSemantic(d);
        return d;
      },
    });
    out.dmp.result = dmpSummary(out.dmp.result);
    out.timeoutMs = dmp.Diff_Timeout * 1000;
    return out;
  },

  // anchor: Redline's migration (one diff, then every annotation mapped
  // through it) against Hypothesis's anchoring of each annotation on the
  // new text. Both get the same selectors: quote, prefix, suffix and the
  // old position (UTF-16 for Hypothesis, as the DOM gives it).
  async anchor(runs) {
    const { old: a, new: b, annotations } = await this.ready;
    const json = JSON.stringify(annotations);
    const toUnit = unitOffsets(a);
    const selectors = annotations.map((x) => ({
      exact: x.exact, prefix: x.prefix, suffix: x.suffix,
      start: toUnit[x.old.start], end: toUnit[x.old.end],
    }));
    const out = time(runs, {
      redline: () => redlineBench.migrate(a, b, json),
      hypothesis: () => selectors.map((s) => hypothesisAnchor(b, s)),
    });
    out.redline.result = JSON.parse(out.redline.result);
    const toCP = cpOffsets(b);
    out.hypothesis.result = out.hypothesis.result.map((p) => (p ? [toCP[p[0]], toCP[p[1]]] : null));
    return out;
  },
};
