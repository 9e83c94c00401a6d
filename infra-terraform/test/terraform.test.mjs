// Checks only the Terraform binary can make, with no provider: the format, module resolution of
// every environment, and the topology's rules (modules/rules) evaluated by `terraform plan`. The
// registry of providers may be out of reach (it is on the CI machine): a provider download that
// fails is told apart from a module that does not resolve. Without a `terraform` binary on PATH
// these tests say so and skip; policy.test.mjs still parses and checks the whole tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTree } from './policy.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const version = spawnSync('terraform', ['version', '-json'], { encoding: 'utf8' });
const skip = version.error ? 'no terraform binary on PATH: format, module resolution and the plan of the rules are not checked' : false;
const PROVIDER_DOWNLOAD = /Failed to query available provider packages|could not connect to registry|Failed to install provider/;
const MODULE_ERROR = /Module not found|Unreadable module directory|Failed to download module|Unsupported block type|Invalid module source/;

function terraform(dir, ...args) {
  const run = spawnSync('terraform', [...args, '-no-color'], { cwd: dir, encoding: 'utf8', timeout: 120_000,
    env: { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' } });
  // Terraform wraps its diagnostics in a box 80 columns wide: one line of plain words is easier to match.
  const output = `${run.stdout}${run.stderr}`;
  return { status: run.status, output, words: output.replace(/[│╷╵]/g, ' ').replace(/\s+/g, ' ') };
}

function copy() {
  const dir = mkdtempSync(join(tmpdir(), 'fairdraw-tf-'));
  cpSync(root, dir, { recursive: true, filter: (src) => !src.includes('node_modules') && !src.includes('.terraform') });
  return dir;
}

test('terraform fmt -check finds every file formatted', { skip }, () => {
  const fmt = terraform(root, 'fmt', '-check', '-recursive', '-list=true');
  assert.equal(fmt.status, 0, `not formatted (run terraform fmt -recursive infra-terraform):\n${fmt.output}`);
});

test('every environment resolves every module with terraform init (providers may be out of reach)', { skip }, async () => {
  const tree = await loadTree(root);
  const stackModules = tree.files.filter((f) => f.file.startsWith('modules/stack/')).flatMap((f) => Object.keys(f.hcl.module ?? {}));
  assert.ok(stackModules.length >= 8, `the stack calls ${stackModules.length} modules`);
  const dir = copy();
  try {
    for (const environment of readdirSync(join(dir, 'environments'))) {
      const here = join(dir, 'environments', environment);
      const init = terraform(here, 'init', '-backend=false', '-input=false');
      assert.doesNotMatch(init.output, MODULE_ERROR, `${environment}: a module does not resolve:\n${init.output}`);
      assert.ok(init.status === 0 || PROVIDER_DOWNLOAD.test(init.output), `${environment}: init failed for another reason:\n${init.output}`);
      const resolved = JSON.parse(readFileSync(join(here, '.terraform', 'modules', 'modules.json'), 'utf8')).Modules.map((m) => m.Key);
      for (const name of stackModules) assert.ok(resolved.includes(`stack.${name}`), `${environment}: module stack.${name} was not resolved`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function planRules(dir) {
  const harness = join(dir, 'test', 'rules');
  const init = terraform(harness, 'init', '-input=false');
  assert.equal(init.status, 0, `init of the rules harness needs no provider:\n${init.output}`);
  return terraform(harness, 'plan', '-input=false', '-lock=false');
}

test('the topology keeps its rules: terraform plan of modules/rules, with no provider', { skip }, () => {
  const dir = copy();
  try {
    const plan = planRules(dir);
    assert.equal(plan.status, 0, plan.output);
    assert.match(plan.output, /queue_visibility_seconds/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the rules stop a plan whose queue would be seen again while its consumer still runs', { skip }, () => {
  const dir = copy();
  try {
    const path = join(dir, 'topology.json');
    const topology = JSON.parse(readFileSync(path, 'utf8'));
    // What the topology held before: 120 s against payout's 300 s timeout.
    topology.queues.find((q) => q.name === 'payout-withdrawals').visibilityTimeoutSeconds = 120;
    writeFileSync(path, JSON.stringify(topology));
    const plan = planRules(dir);
    assert.notEqual(plan.status, 0);
    assert.match(plan.words, /payout-withdrawals: the visibility timeout \(120 s\) is less than six times payout's timeout \(300 s\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// The origin secret's rotation (modules/rotation) evaluated day by day over 400 days that cross a
// leap day, by `terraform apply` of a root module with no resource and no provider.
test('the origin secret rotates with overlap: each period replaces one slot and keeps the one CloudFront sent before', { skip }, () => {
  const dir = copy();
  try {
    const harness = join(dir, 'test', 'rotation');
    const periodDays = 30;
    const start = Date.UTC(2027, 10, 1, 13, 45);
    const times = Array.from({ length: 400 }, (_, i) => new Date(start + i * 86_400_000).toISOString().replace('.000', ''));
    writeFileSync(join(harness, 'times.auto.tfvars.json'), JSON.stringify({ times, period_days: periodDays }));
    assert.equal(terraform(harness, 'init', '-input=false').status, 0);
    const apply = terraform(harness, 'apply', '-auto-approve', '-input=false', '-lock=false');
    assert.equal(apply.status, 0, apply.output);
    const output = spawnSync('terraform', ['output', '-json', 'rotation'], { cwd: harness, encoding: 'utf8' });
    const rotation = JSON.parse(output.stdout);
    let rotations = 0;
    times.forEach((time, i) => {
      const now = rotation[time];
      const days = Math.floor(Date.parse(time) / 86_400_000);
      assert.equal(now.days, days, `${time}: days since 1970`);
      assert.equal(now.period, Math.floor(days / periodDays), `${time}: period`);
      assert.notEqual(now.newest, now.previous);
      if (i === 0) return;
      const before = rotation[times[i - 1]];
      if (now.period === before.period) {
        assert.deepEqual(now.generations, before.generations, `${time}: no rotation within a period`);
        return;
      }
      rotations += 1;
      // The slot CloudFront sent yesterday is today's previous, untouched; the other took a new value.
      assert.equal(now.previous, before.newest, `${time}: yesterday's value is accepted as the previous`);
      assert.equal(now.generations[now.previous], before.generations[now.previous], `${time}: the previous slot kept its value`);
      assert.notEqual(now.generations[now.newest], before.generations[now.newest], `${time}: the newest slot took a new value`);
    });
    assert.equal(rotations, 13, 'a rotation every 30 days over 400 days');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
