// The docs check: every class, route, property, repository path and relative link a document
// names in code spans or links must exist, so a doc cannot go on describing code that moved or
// never was. Run by bin/test (node --test docs/check); by hand: node docs/check/references.mjs
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const SKIPPED_DIRS = new Set(['node_modules', 'target', 'dist', '.git', '.local']);
/** Names of other people's classes the docs mention: the JDK's, the AWS SDK's, Quarkus's. */
const EXTERNAL_CLASSES = new Set(['SocketTimeoutException', 'ZoneRulesException', 'LambdaClient']);
/** Files the docs name that a build or a run makes, not the repository (a fresh clone has none of them). */
const GENERATED = [/(^|\/)(target|dist|node_modules|\.test-build)(\/|$)/];
/** Document templates, copied elsewhere before their links mean anything. */
const TEMPLATES = [/^bench\/src\/main\/resources\//];

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (SKIPPED_DIRS.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

/** What the repository holds that documents may name. */
export function repository(root = ROOT) {
  const files = walk(root);
  // This check's own files name things that do not exist on purpose.
  const sources = files.filter((f) => !f.startsWith(join(root, 'docs', 'check'))).filter((f) => /\.(java|ts|mjs|js|tf|json|properties|sql|sh|html)$/.test(f) || /\/(start|run|test)$/.test(f));
  return {
    root,
    docs: files.filter((f) => f.endsWith('.md') && !TEMPLATES.some((t) => t.test(relative(root, f)))),
    types: new Set(files.filter((f) => /\.(java|ts|mjs)$/.test(f)).map((f) => f.split('/').pop().replace(/\.(java|ts|mjs)$/, ''))),
    text: sources.map((f) => readFileSync(f, 'utf8')).join('\n'),
    routes: JSON.parse(readFileSync(join(root, 'infra-terraform', 'topology.json'), 'utf8')).routes
      .map((r) => ({ method: r.method, pattern: new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '[^/]+')}$`) })),
  };
}

/** A property exists when some source names it, or when a @ConfigMapping of its prefix has its accessor. */
function propertyExists(repo, property) {
  if (repo.text.includes(property)) return true;
  for (const m of repo.text.matchAll(/@ConfigMapping\(prefix = "([^"]+)"\)/g)) {
    if (!property.startsWith(`${m[1]}.`)) continue;
    const last = property.split('.').pop().replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
    if (new RegExp(`\\b${last}\\(\\)`).test(repo.text)) return true;
  }
  return false;
}

/** Every reference of one document that names nothing in the repository, as "kind name". */
export function brokenReferences(repo, doc, text = readFileSync(doc, 'utf8')) {
  const broken = [];
  for (const [, span] of text.matchAll(/`([^`\n]+)`/g)) {
    if (/^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$/.test(span) && !repo.types.has(span) && !EXTERNAL_CLASSES.has(span)
      && !new RegExp(`\\b${span}\\b`).test(repo.text)) broken.push(`class ${span}`);
    if (/^fairdraw\.[a-z0-9.-]+[a-z0-9]$/.test(span) && !propertyExists(repo, span)) broken.push(`property ${span}`);
    const route = span.match(/^(GET|POST|PUT|PATCH|DELETE) (\/v1\/[^?\s]*)/);
    if (route && !repo.routes.some((r) => r.method === route[1] && r.pattern.test(route[2].replace(/<[^>]+>/g, 'x')))) {
      broken.push(`route ${route[1]} ${route[2]}`);
    }
    const path = span.match(/^((?:functions|docs|local-cloud|infra-terraform|webapp|bench|bin|native-build|shared-model)\/[A-Za-z0-9_./-]+)$/);
    if (path && !path[1].includes('...') && !GENERATED.some((g) => g.test(path[1])) && !existsSync(join(repo.root, path[1]))) {
      broken.push(`path ${path[1]}`);
    }
  }
  for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
    if (/^[a-z]+:/.test(target)) continue;
    if (!existsSync(join(dirname(doc), target))) broken.push(`link ${target}`);
  }
  return broken;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const repo = repository();
  let count = 0;
  for (const doc of repo.docs) {
    for (const reference of brokenReferences(repo, doc)) {
      console.log(`${relative(ROOT, doc)}: ${reference} does not exist`);
      count++;
    }
  }
  process.exitCode = count === 0 ? 0 : 1;
}
