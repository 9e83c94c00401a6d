#!/usr/bin/env node
// Fairdraw draw verifier — fairness specification version 1 (SPEC.md beside this file).
//
// An independent implementation: it shares no code with the Fairdraw platform and depends
// only on @noble/hashes and @noble/curves. The checks are in verify-core.mjs, which uses no
// Node.js API (the web app runs them in the browser); this file is the command line, and it
// exports everything verify-core.mjs does.
//
//   node verify.mjs draw.json                 verify one published draw
//   node verify.mjs --batch draws.json        verify a JSON array of published draws
//   node verify.mjs --allow-local-beacon ...  also accept draws made with a local beacon
//                                             (chainHash = 64 zeros), WITHOUT a signature check
//
// Prints one line per failed check ("FAIL <draw>: <check>: <detail>") and ends with the line
// "N passed, M failed". The exit code is 0 only when M = 0.

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { printable, verifyDraw } from './verify-core.mjs';

export * from './verify-core.mjs';

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

const USAGE = `usage: node verify.mjs [--allow-local-beacon] draw.json
       node verify.mjs [--allow-local-beacon] --batch draws.json`;

/**
 * Runs the CLI over argv (without node and script). Returns the exit code; writes through `out`
 * (one line per call) and `err`.
 */
export function runCli(argv, { out = (l) => console.log(l), err = (l) => console.error(l), readFile = (p) => readFileSync(p, 'utf8') } = {}) {
  let batch = false;
  let allowLocalBeacon = false;
  const files = [];
  for (const a of argv) {
    if (a === '--batch') batch = true;
    else if (a === '--allow-local-beacon') allowLocalBeacon = true;
    else if (a === '--help' || a === '-h') {
      out(USAGE);
      return 0;
    } else if (a.startsWith('--')) {
      err(`unknown option ${a}\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 1) {
    err(USAGE);
    return 2;
  }
  const file = files[0];

  let passed = 0;
  let failed = 0;
  const finish = () => {
    out(`${passed} passed, ${failed} failed`);
    return failed === 0 ? 0 : 1;
  };

  let input;
  try {
    input = JSON.parse(readFile(file));
  } catch (e) {
    out(printable(`FAIL ${file}: input: cannot read JSON: ${e.message}`));
    failed = 1;
    return finish();
  }
  let draws;
  if (batch) {
    if (!Array.isArray(input)) {
      out(printable(`FAIL ${file}: input: --batch expects a JSON array of draws`));
      failed = 1;
      return finish();
    }
    draws = input;
  } else {
    if (Array.isArray(input)) {
      out(printable(`FAIL ${file}: input: a JSON array; use --batch to verify several draws`));
      failed = 1;
      return finish();
    }
    draws = [input];
  }

  draws.forEach((draw, i) => {
    const res = verifyDraw(draw, { allowLocalBeacon });
    const name = res.drawId === null ? '(no drawId)' : res.drawId;
    const label = batch ? `[${i}] ${name}` : name;
    for (const w of res.warnings) out(printable(`WARNING ${label}: ${w}`));
    for (const f of res.failures) out(printable(`FAIL ${label}: ${f.check}: ${f.detail}`));
    if (res.ok) passed += 1;
    else failed += 1;
  });
  return finish();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = runCli(process.argv.slice(2));
}
