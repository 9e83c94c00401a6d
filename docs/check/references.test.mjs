import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, brokenReferences, repository } from './references.mjs';

const repo = repository();

test('no document names a class, route, property, path or link that does not exist', () => {
  const broken = repo.docs.flatMap((doc) => brokenReferences(repo, doc).map((r) => `${doc.slice(ROOT.length + 1)}: ${r}`));
  assert.deepEqual(broken, []);
});

test('the check finds each kind of stale reference, and passes the real ones beside them', () => {
  const doc = join(ROOT, 'docs', 'imagined.md');
  const text = [
    '`TokenRules` and `NoSuchThingAnywhere`;',
    '`GET /v1/draws/{drawId}` and `DELETE /v1/draws/x`;',
    '`fairdraw.identity.client-claim` and `fairdraw.identity.imagined-claim`;',
    '`local-cloud/start` and `local-cloud/stop`;',
    '[draws](draws.md) and [gone](gone.md).',
  ].join('\n');
  assert.deepEqual(brokenReferences(repo, doc, text),
    ['class NoSuchThingAnywhere', 'route DELETE /v1/draws/x', 'property fairdraw.identity.imagined-claim', 'path local-cloud/stop', 'link gone.md']);
});
