// The Terraform configuration in this directory's parent passes every policy check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { CHECKS, loadTree, enumTables } from './policy.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tree = await loadTree(root);

for (const [name, check] of Object.entries(CHECKS)) {
  test(`the Terraform configuration passes the ${name} check`, () => {
    assert.deepEqual(check(tree), []);
  });
}

test('the Table enum is read whole: every value of Table.java, with its indexes', () => {
  const java = readFileSync(join(root, '..', 'functions/platform-core/src/main/java/io/fairdraw/platform/dynamo/Table.java'), 'utf8');
  const values = [...java.matchAll(/^\s{4}([A-Z_]+)\("/gm)].map((m) => m[1]);
  const parsed = enumTables(java);
  assert.equal(Object.keys(parsed).length, values.length);
  assert.deepEqual(parsed.tickets.indexes, [{ name: 'by-owner', hash_key: 'owner', range_key: 'ownerSort' }]);
  assert.equal(parsed.idempotency.ttl, 'expiresAt');
});

test('the files under test are many and parsed, not an empty tree that passes by default', () => {
  assert.ok(tree.files.length >= 40, `only ${tree.files.length} .tf files parsed`);
  assert.ok(tree.files.some((f) => f.file === 'modules/api/main.tf'));
});
