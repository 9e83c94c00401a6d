// Policy checks of the Terraform tree: each check reads the parsed HCL (a real HCL2 parser,
// @cdktf/hcl2json) of a directory and returns its findings, one string per problem. An empty
// list is a pass. The checks take a directory so a test can run them on a broken copy.
import { parse } from '@cdktf/hcl2json';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The back office's database roles, made by Terraform through the Data API and by local-cloud. */
export const ROLES_SQL = 'functions/backoffice-store/src/main/resources/db/roles.sql';
const SKIP_DIRS = new Set(['node_modules', '.terraform', 'test']);

function terraformFiles(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!SKIP_DIRS.has(name)) files.push(...terraformFiles(path));
    } else if (name.endsWith('.tf')) {
      files.push(path);
    }
  }
  return files;
}

/** Parses every .tf file under dir; the tree is what every check reads. */
export async function loadTree(dir, { tableJava, javaSources, rolesSql } = {}) {
  const files = [];
  const parseErrors = [];
  for (const path of terraformFiles(dir)) {
    const file = relative(dir, path);
    try {
      files.push({ file, hcl: await parse(file, readFileSync(path, 'utf8')) });
    } catch (error) {
      parseErrors.push(`${file}: ${String(error.message ?? error).split('\n')[0]}`);
    }
  }
  const topology = JSON.parse(readFileSync(join(dir, 'topology.json'), 'utf8'));
  const javaPath = tableJava ?? join(dir, '..', 'functions/platform-core/src/main/java/io/fairdraw/platform/dynamo/Table.java');
  const sourcesDir = javaSources ?? join(dir, '..', 'functions');
  const rolesPath = rolesSql ?? join(dir, '..', ROLES_SQL);
  return {
    dir, files, parseErrors, topology, tableJava: readFileSync(javaPath, 'utf8'), removals: removalCalls(sourcesDir),
    rolesSql: readFileSync(rolesPath, 'utf8'),
  };
}

/** The functions' main sources that remove DynamoDB items: [{ file, calls }], paths from functions/. */
function removalCalls(sourcesDir) {
  const found = [];
  const walk = (path) => {
    for (const name of readdirSync(path).sort()) {
      const child = join(path, name);
      if (statSync(child).isDirectory()) {
        if (name !== 'target' && name !== 'test' && name !== 'node_modules') walk(child);
      } else if (name.endsWith('.java')) {
        const calls = readFileSync(child, 'utf8').match(/\b(deleteItem|batchWriteItem|Delete\.builder)\b/g);
        if (calls) found.push({ file: relative(sourcesDir, child), calls: [...new Set(calls)] });
      }
    }
  };
  walk(sourcesDir);
  return found;
}

// Blocks of one kind, flattened: [{ file, type, name, body }].
function resources(tree, kind = 'resource') {
  const out = [];
  for (const { file, hcl } of tree.files) {
    for (const [type, byName] of Object.entries(hcl[kind] ?? {})) {
      for (const [name, bodies] of Object.entries(byName)) {
        for (const body of bodies) out.push({ file, type, name, body });
      }
    }
  }
  return out;
}

function namedBlocks(tree, kind) {
  const out = [];
  for (const { file, hcl } of tree.files) {
    for (const [name, bodies] of Object.entries(hcl[kind] ?? {})) {
      for (const body of [].concat(bodies)) out.push({ file, name, body });
    }
  }
  return out;
}

function modules(tree) {
  return namedBlocks(tree, 'module');
}

function locals(tree) {
  const out = {};
  for (const { hcl } of tree.files) for (const block of hcl.locals ?? []) Object.assign(out, block);
  return out;
}

const squash = (text) => String(text).replace(/\s+/g, '');
const first = (value) => (Array.isArray(value) ? value[0] : value);
const isExpression = (value) => typeof value === 'string' && value.startsWith('${');
const where = (r) => `${r.file}: ${r.type ? `${r.type}.` : ''}${r.name}`;

// ---------------------------------------------------------------------------------------------

/** Every .tf file parses as HCL2. */
export function parses(tree) {
  return tree.parseErrors;
}

/**
 * Every topology function has a Lambda through the function module, and every instance of the
 * function module is a topology function. A for_each over local.topology.functions covers them
 * all by construction; any other for_each cannot be proven to and is reported.
 */
export function functions(tree) {
  const findings = [];
  const wanted = Object.keys(tree.topology.functions);
  const covered = new Set();
  const fnModules = modules(tree).filter((m) => /(^|\/)modules\/function$|^\.\.\/function$/.test(m.body.source ?? ''));
  if (!resources(tree).some((r) => r.type === 'aws_lambda_function' && r.file.startsWith('modules/function/'))) {
    findings.push('modules/function declares no aws_lambda_function');
  }
  const decodes = Object.values(locals(tree)).some((v) => /jsondecode\(file\(.*\)\)/.test(String(v)));
  for (const m of fnModules) {
    const forEach = m.body.for_each;
    if (forEach === undefined) {
      if (!wanted.includes(m.body.name)) findings.push(`${m.file}: module.${m.name} names function "${m.body.name}", which topology.json does not declare`);
      else covered.add(m.body.name);
    } else if (squash(forEach) === '${local.topology.functions}' && decodes) {
      wanted.forEach((f) => covered.add(f));
    } else {
      findings.push(`${m.file}: module.${m.name} iterates over ${forEach}, not local.topology.functions: its instances cannot be matched with topology.json`);
    }
  }
  for (const f of wanted) if (!covered.has(f)) findings.push(`topology function "${f}" has no Lambda (no instance of modules/function)`);
  return findings;
}

/**
 * The API's routes are exactly the topology's, and the authorizer is attached exactly where a
 * route's auth is "authorizer". Routes generated with for_each must be keyed by "METHOD path"
 * of every topology route, and their authorization must follow each route's auth; routes
 * written by hand are compared with the topology one by one.
 */
export function routes(tree) {
  const findings = [];
  const topo = tree.topology.routes;
  const expected = new Map(topo.map((r) => [`${r.method} ${r.path}`, r]));
  const built = new Map();
  const apiLocals = {};
  for (const { file, hcl } of tree.files) {
    if (file.startsWith('modules/api/')) for (const block of hcl.locals ?? []) Object.assign(apiLocals, block);
  }
  for (const r of resources(tree).filter((x) => x.type === 'aws_apigatewayv2_route')) {
    const b = r.body;
    if (b.for_each !== undefined) {
      const source = squash(b.for_each) === '${local.routes}' ? squash(apiLocals.routes ?? '') : squash(b.for_each);
      if (source !== '${{forrinvar.routes:"${r.method}${r.path}"=>r}}') {
        findings.push(`${where(r)}: for_each ${b.for_each} is not one entry per topology route keyed "METHOD path"`);
        continue;
      }
      if (squash(b.route_key) !== '${each.key}') findings.push(`${where(r)}: route_key is ${b.route_key}, not the topology's "METHOD path"`);
      if (squash(b.authorization_type) !== '${each.value.auth=="authorizer"?"CUSTOM":"NONE"}') {
        findings.push(`${where(r)}: authorization_type ${b.authorization_type} does not attach the authorizer exactly where auth is "authorizer"`);
      }
      if (!/^\$\{each\.value\.auth=="authorizer"\?aws_apigatewayv2_authorizer\.\w+\.id:null\}$/.test(squash(b.authorizer_id ?? ''))) {
        findings.push(`${where(r)}: authorizer_id ${b.authorizer_id} does not follow each route's auth`);
      }
      if (!/\[each\.value\.function\]/.test(squash(b.target ?? ''))) findings.push(`${where(r)}: target does not send each route to its topology function`);
      for (const [key, route] of expected) built.set(key, { custom: route.auth === 'authorizer', where: where(r) });
    } else {
      built.set(b.route_key, { custom: b.authorization_type === 'CUSTOM', where: where(r) });
    }
  }
  // The module must be given the topology's routes, not a list of its own.
  for (const m of modules(tree).filter((x) => /\.\.\/api$/.test(x.body.source ?? ''))) {
    if (squash(m.body.routes) !== '${local.topology.routes}') findings.push(`${m.file}: module.${m.name} is given routes ${m.body.routes}, not local.topology.routes`);
  }
  for (const [key, route] of expected) {
    const b = built.get(key);
    if (!b) findings.push(`topology route ${key} is not in the API`);
    else if (b.custom !== (route.auth === 'authorizer')) findings.push(`${b.where}: ${key} has auth "${route.auth}" in topology.json but the API ${b.custom ? 'attaches' : 'does not attach'} the authorizer`);
  }
  for (const [key, b] of built) if (!expected.has(key)) findings.push(`${b.where}: route ${key} is not in topology.json`);
  const authorizer = resources(tree).filter((x) => x.type === 'aws_apigatewayv2_authorizer');
  if (topo.some((r) => r.auth === 'authorizer')) {
    if (authorizer.length !== 1) findings.push(`expected one aws_apigatewayv2_authorizer, found ${authorizer.length}`);
    for (const a of authorizer) {
      const b = a.body;
      const wants = {
        authorizer_type: 'REQUEST',
        authorizer_payload_format_version: '${var.authorizer.payloadFormatVersion}',
        enable_simple_responses: '${var.authorizer.simpleResponses}',
        identity_sources: '${var.authorizer.identitySources}',
        authorizer_result_ttl_in_seconds: '${var.authorizer.resultTtlSeconds}',
      };
      for (const [arg, value] of Object.entries(wants)) {
        if (squash(b[arg]) !== value) findings.push(`${where(a)}: ${arg} is ${b[arg]}, not ${value} from topology.json`);
      }
    }
  }
  return findings;
}

// A statement's actions and resources, whether written as a block or a dynamic block.
function statements(tree) {
  const out = [];
  for (const doc of resources(tree, 'data').filter((d) => d.type === 'aws_iam_policy_document')) {
    for (const s of doc.body.statement ?? []) out.push({ doc, s });
    for (const d of doc.body.dynamic?.statement ?? []) for (const s of d.content ?? []) out.push({ doc, s, dynamic: true });
  }
  return out;
}

const KMS_ON_ANY_RESOURCE = new Set(['kms:GenerateRandom']);
const dirOf = (file) => file.split('/').slice(0, -1).join('/');

/**
 * Reads an expression such as local.write_actions through its module's own locals: every string
 * literal it holds or borrows from a local it names (a map of lists lends all its lists).
 */
function localValues(tree) {
  const moduleLocals = {};
  for (const { file, hcl } of tree.files) for (const block of hcl.locals ?? []) Object.assign((moduleLocals[dirOf(file)] ??= {}), block);
  const values = (dir, value, depth = 0) => {
    if (Array.isArray(value)) return value.flatMap((v) => values(dir, v, depth));
    if (value !== null && typeof value === 'object') return Object.values(value).flatMap((v) => values(dir, v, depth));
    if (typeof value !== 'string') return [];
    if (!isExpression(value)) return [value];
    const literals = [...value.matchAll(/"([^"$]*)"/g)].map((m) => m[1]);
    const referenced = depth > 3 ? [] : [...value.matchAll(/local\.(\w+)/g)].flatMap((m) => values(dir, moduleLocals[dir]?.[m[1]], depth + 1));
    return [...literals, ...referenced];
  };
  values.locals = moduleLocals;
  return values;
}

/**
 * No IAM statement grants "*" actions, or any DynamoDB or KMS action on "*" resources. Key
 * policies are exempt from the resource rule only: in a key policy "*" means that key. The one
 * KMS action AWS lets name no resource, kms:GenerateRandom, is allowed on "*". Statements
 * passed through a module variable (extra_statements) are checked where they are written.
 */
export function iam(tree) {
  const findings = [];
  const keyPolicies = new Set(
    resources(tree)
      .filter((r) => r.type === 'aws_kms_key' && r.body.policy)
      .map((r) => `${r.file.split('/').slice(0, -1).join('/')}/${(squash(r.body.policy).match(/data\.aws_iam_policy_document\.(\w+)\.json/) ?? [])[1]}`),
  );
  const values = localValues(tree);
  const check = (label, dir, actions, resourcesOf, keyPolicy, deny) => {
    if (deny) return;
    const acts = values(dir, actions ?? []);
    const res = values(dir, resourcesOf ?? []);
    for (const a of acts) {
      if (a === '*' || /^(dynamodb|kms):\*$/.test(a)) findings.push(`${label}: grants action "${a}"`);
    }
    const touches = acts.filter((a) => /^(dynamodb|kms):/.test(a));
    if (!keyPolicy && res.includes('*')) {
      const offending = touches.filter((a) => !KMS_ON_ANY_RESOURCE.has(a));
      if (offending.length > 0) findings.push(`${label}: grants ${offending.join(', ')} on resource "*"`);
    }
  };
  // The tables' statements take their actions from topology.json's tableAccess (on table ARNs).
  for (const [level, actions] of Object.entries(tree.topology.tableAccess ?? {})) {
    for (const a of actions) if (a === '*' || /^dynamodb:\*$/.test(a)) findings.push(`tableAccess.${level}: grants action "${a}"`);
  }
  for (const { doc, s } of statements(tree)) {
    const keyPolicy = keyPolicies.has(`${doc.file.split('/').slice(0, -1).join('/')}/${doc.name}`);
    check(`${where(doc)} ${s.sid ?? ''}`.trim(), dirOf(doc.file), s.actions, s.resources, keyPolicy, s.effect === 'Deny');
  }
  // Statements built in locals and handed to the function module's extra_statements.
  const walk = (file, value) => {
    if (Array.isArray(value)) return value.forEach((v) => walk(file, v));
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'string' && /"(dynamodb|kms):\*"|actions\s*=\s*\[\s*"\*"/.test(value)) findings.push(`${file}: locals expression grants a wildcard action`);
      return;
    }
    if (value.actions !== undefined && value.resources !== undefined) check(`${file}: locals statement ${value.sid ?? ''}`.trim(), dirOf(file), value.actions, value.resources, false, false);
    Object.values(value).forEach((v) => walk(file, v));
  };
  for (const { file, hcl } of tree.files) for (const block of hcl.locals ?? []) walk(file, block);
  // Inline JSON policies would escape the checks above: refuse them.
  for (const r of resources(tree)) {
    if (/^aws_iam_(role_)?policy$/.test(r.type) && !/data\.aws_iam_policy_document\./.test(String(r.body.policy))) {
      findings.push(`${where(r)}: policy is not an aws_iam_policy_document, so it cannot be checked`);
    }
  }
  return findings;
}

/** Every DynamoDB table has point-in-time recovery and encryption with a customer managed key. */
export function tables(tree) {
  const findings = [];
  const all = resources(tree).filter((r) => r.type === 'aws_dynamodb_table');
  if (all.length === 0) findings.push('no aws_dynamodb_table found');
  for (const t of all) {
    const pitr = first(t.body.point_in_time_recovery);
    if (pitr?.enabled !== true) findings.push(`${where(t)}: point-in-time recovery is not enabled`);
    const sse = first(t.body.server_side_encryption);
    if (sse?.enabled !== true || !sse?.kms_key_arn) findings.push(`${where(t)}: not encrypted with a customer managed key`);
    if (t.body.billing_mode !== 'PAY_PER_REQUEST') findings.push(`${where(t)}: not on-demand`);
  }
  return findings;
}

function refersTo(text, type, name) {
  return new RegExp(`${type}\\.${name}(\\[[^\\]]*\\])?\\.arn`).test(text);
}

/**
 * Every asynchronous consumer has somewhere for failures to go: SQS queues a redrive policy
 * (or are themselves a dead-letter target), pipes, schedule targets and bus rule targets a
 * dead-letter config, event source mappings report batch item failures from a queue with a
 * redrive policy, and asynchronous invoke configs an on-failure destination.
 */
export function deadLetters(tree) {
  const findings = [];
  const all = resources(tree);
  // A queue without a redrive policy may only be a dead-letter queue: nothing consumes it.
  for (const q of all.filter((r) => r.type === 'aws_sqs_queue' && !r.body.redrive_policy)) {
    const mapped = all.some((r) => r.type === 'aws_lambda_event_source_mapping' && refersTo(String(r.body.event_source_arn), 'aws_sqs_queue', q.name));
    const targeted = all.some((r) => r.type === 'aws_cloudwatch_event_target' && refersTo(String(r.body.arn), 'aws_sqs_queue', q.name));
    if (mapped || targeted) findings.push(`${where(q)}: consumed, but has no redrive policy to a dead-letter queue`);
  }
  for (const p of all.filter((r) => r.type === 'aws_pipes_pipe')) {
    const ddb = first(first(p.body.source_parameters)?.dynamodb_stream_parameters);
    if (!first(ddb?.dead_letter_config)?.arn) findings.push(`${where(p)}: no dead-letter config on its stream source`);
  }
  for (const s of all.filter((r) => r.type === 'aws_scheduler_schedule')) {
    if (!first(first(s.body.target)?.dead_letter_config)?.arn) findings.push(`${where(s)}: target has no dead-letter config`);
  }
  for (const t of all.filter((r) => r.type === 'aws_cloudwatch_event_target')) {
    if (!first(t.body.dead_letter_config)?.arn) findings.push(`${where(t)}: no dead-letter config`);
  }
  for (const m of all.filter((r) => r.type === 'aws_lambda_event_source_mapping')) {
    if (!squash(m.body.function_response_types ?? '').includes('ReportBatchItemFailures')) findings.push(`${where(m)}: does not report batch item failures`);
    const queue = squash(m.body.event_source_arn ?? '').match(/aws_sqs_queue\.(\w+)/)?.[1];
    const source = all.find((r) => r.type === 'aws_sqs_queue' && r.name === queue);
    if (!first(m.body.destination_config)?.on_failure && !source?.body.redrive_policy) findings.push(`${where(m)}: its source has no redrive policy and it has no on-failure destination`);
  }
  for (const c of all.filter((r) => r.type === 'aws_lambda_function_event_invoke_config')) {
    if (!first(first(c.body.destination_config)?.on_failure)?.destination) findings.push(`${where(c)}: no on-failure destination`);
  }
  return findings;
}

/**
 * Log retention everywhere: every log group has a retention, every Lambda logs to a group this
 * configuration creates, and the API stage writes access logs to one.
 */
export function logRetention(tree) {
  const findings = [];
  const all = resources(tree);
  for (const g of all.filter((r) => r.type === 'aws_cloudwatch_log_group')) {
    if (g.body.retention_in_days === undefined) findings.push(`${where(g)}: no retention_in_days`);
  }
  for (const f of all.filter((r) => r.type === 'aws_lambda_function')) {
    const group = first(f.body.logging_config)?.log_group ?? '';
    if (!/aws_cloudwatch_log_group\.\w+\.name/.test(group)) findings.push(`${where(f)}: does not log to a log group with a retention`);
  }
  for (const s of all.filter((r) => r.type === 'aws_apigatewayv2_stage')) {
    if (!/aws_cloudwatch_log_group\.\w+\.arn/.test(first(s.body.access_log_settings)?.destination_arn ?? '')) findings.push(`${where(s)}: no access logs to a log group with a retention`);
  }
  for (const p of all.filter((r) => r.type === 'aws_pipes_pipe')) {
    if (!first(p.body.log_configuration)) findings.push(`${where(p)}: no log configuration`);
  }
  for (const c of all.filter((r) => r.type === 'aws_rds_cluster' && r.body.enabled_cloudwatch_logs_exports)) {
    if (!all.some((g) => g.type === 'aws_cloudwatch_log_group' && String(g.body.name).includes('/aws/rds/cluster/'))) findings.push(`${where(c)}: exports logs to a group without a retention`);
  }
  return findings;
}

/** Every variable has a type and a description. */
export function variables(tree) {
  const findings = [];
  for (const v of namedBlocks(tree, 'variable')) {
    if (!v.body.type) findings.push(`${v.file}: variable ${v.name} has no type`);
    if (!v.body.description || !String(v.body.description).trim()) findings.push(`${v.file}: variable ${v.name} has no description`);
    if (squash(v.body.type ?? '') === '${any}') findings.push(`${v.file}: variable ${v.name} is of type any`);
  }
  return findings;
}

/** Every output has a description. */
export function outputs(tree) {
  return namedBlocks(tree, 'output')
    .filter((o) => !o.body.description || !String(o.body.description).trim())
    .map((o) => `${o.file}: output ${o.name} has no description`);
}

/** The Table enum of the platform, read from its Java source. */
export function enumTables(java) {
  const constants = Object.fromEntries([...java.matchAll(/String\s+([A-Z_]+)\s*=\s*"([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const out = {};
  const value = /\n\s*[A-Z_]+\("([a-z-]+)",\s*(true|false),\s*Optional\.(?:empty\(\)|of\(Attributes\.([A-Z_]+)\)),\s*(true|false)((?:,\s*new Index\([^)]*\))*)\)[,;]/g;
  for (const m of java.matchAll(value)) {
    const indexes = [...m[5].matchAll(/new Index\("([^"]+)",\s*"([^"]+)",\s*"([^"]+)"\)/g)].map((i) => ({ name: i[1], hash_key: i[2], range_key: i[3] }));
    out[m[1]] = { range_key: m[2] === 'true', ttl: m[3] ? constants[m[3]] : null, stream: m[4] === 'true', indexes };
  }
  return out;
}

/**
 * The Terraform tables agree with the Table enum (names, sort key, TTL, stream, indexes), every
 * table a function or pipe names exists, and every pipe reads a streamed table.
 */
export function tableEnum(tree) {
  const findings = [];
  const java = enumTables(tree.tableJava);
  if (Object.keys(java).length === 0) return ['no values found in Table.java'];
  const tf = locals(tree).tables;
  if (!tf || typeof tf !== 'object') return ['no locals.tables map of table definitions'];
  for (const [name, want] of Object.entries(java)) {
    const have = tf[name];
    if (!have) {
      findings.push(`table "${name}" is in Table.java but not in Terraform`);
      continue;
    }
    for (const key of ['range_key', 'ttl', 'stream']) {
      if ((have[key] ?? null) !== want[key]) findings.push(`table "${name}": ${key} is ${have[key]} in Terraform, ${want[key]} in Table.java`);
    }
    const norm = (list) => JSON.stringify([].concat(list ?? []).map((i) => [i.name, i.hash_key, i.range_key]).sort());
    if (norm(have.indexes) !== norm(want.indexes)) findings.push(`table "${name}": indexes ${norm(have.indexes)} in Terraform, ${norm(want.indexes)} in Table.java`);
  }
  for (const name of Object.keys(tf)) if (!java[name]) findings.push(`table "${name}" is in Terraform but not in Table.java`);
  for (const [fn, f] of Object.entries(tree.topology.functions)) {
    for (const t of Object.keys(f.tables)) if (!tf[t]) findings.push(`function ${fn} names table "${t}", which Terraform does not define`);
  }
  for (const p of tree.topology.pipes) {
    if (!tf[p.table]?.stream) findings.push(`pipe ${p.name} reads table "${p.table}", which has no stream`);
  }
  return findings;
}

/**
 * Every terraform block names a required_version, one and the same across the tree, whose floor
 * is at least what the configuration uses: 1.11 for write-only arguments (secret_string_wo) and
 * ephemeral resources, 1.10 for an S3 backend that locks with use_lockfile, 1.6 otherwise.
 */
export function versions(tree) {
  const findings = [];
  const constraints = new Set();
  let lockfile = false;
  let writeOnly = false;
  for (const { file, hcl } of tree.files) {
    if (hcl.ephemeral || /_wo"/.test(JSON.stringify(hcl.resource ?? {}))) writeOnly = true;
    for (const block of hcl.terraform ?? []) {
      if (block.backend?.s3?.some((s3) => s3.use_lockfile === true)) lockfile = true;
      if (block.required_version === undefined) findings.push(`${file}: a terraform block without required_version`);
      else constraints.add(block.required_version);
    }
  }
  if (constraints.size > 1) findings.push(`required_version differs across the tree: ${[...constraints].join(', ')}`);
  const [needed, why] = writeOnly ? [[1, 11], 'which has no write-only arguments'] : lockfile ? [[1, 10], 'which refuses use_lockfile'] : [[1, 6], ''];
  for (const constraint of constraints) {
    const floor = /^>=\s*(\d+)\.(\d+)/.exec(constraint);
    if (!floor || Number(floor[1]) < needed[0] || (Number(floor[1]) === needed[0] && Number(floor[2]) < needed[1])) {
      findings.push(`required_version "${constraint}" admits a Terraform older than ${needed.join('.')}${why ? `, ${why}` : ''}`);
    }
  }
  return findings;
}

/**
 * The rule of modules/rules, for machines without a terraform binary: every queue's visibility
 * timeout is at least six times its consumer's timeout (AWS refuses less than once; it advises six).
 */
export function queues(tree) {
  const findings = [];
  for (const queue of tree.topology.queues ?? []) {
    const timeout = tree.topology.functions[queue.function]?.timeoutSeconds;
    if (timeout === undefined) findings.push(`queue ${queue.name}: its consumer ${queue.function} is not a topology function`);
    else if (queue.visibilityTimeoutSeconds < 6 * timeout) {
      findings.push(`queue ${queue.name}: visibility ${queue.visibilityTimeoutSeconds} s is less than six times ${queue.function}'s timeout ${timeout} s`);
    }
  }
  return findings;
}

const LEDGER = { accounts: ['read', 'update'], postings: ['read', 'append'], transfers: ['read', 'append'] };
const REMOVING = ['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/**
 * The ledger is append-only by IAM: no function may delete or batch-write its tables; the
 * journals (transfers, postings) are only added to, and the balances (accounts) only updated.
 * The topology grants at most append or update on them, and its tableAccess (the actions of each
 * level, which the function module's role and local-cloud's enforcement both take) gives append
 * and update nothing that removes an item (append not even UpdateItem).
 */
export function ledger(tree) {
  const findings = [];
  for (const [name, fn] of Object.entries(tree.topology.functions)) {
    for (const [table, allowed] of Object.entries(LEDGER)) {
      const access = fn.tables?.[table];
      if (access !== undefined && !allowed.includes(access)) {
        findings.push(`${name} has ${access} access to the ledger table ${table} (at most ${allowed.at(-1)})`);
      }
    }
  }
  const levels = tree.topology.tableAccess ?? {};
  const append = levels.append ?? [];
  const update = levels.update ?? [];
  if (!append.includes('dynamodb:PutItem')) findings.push('tableAccess: append does not add items (dynamodb:PutItem)');
  for (const a of append) if ([...REMOVING, 'dynamodb:UpdateItem'].includes(a)) findings.push(`tableAccess: append holds ${a}`);
  for (const a of update) if (REMOVING.includes(a)) findings.push(`tableAccess: update holds ${a}`);
  // Each level holds the one below it, so raising a table's access never takes a read away.
  const order = ['read', 'append', 'update', 'write'];
  for (let i = 1; i < order.length; i++) {
    for (const a of levels[order[i - 1]] ?? []) {
      if (!(levels[order[i]] ?? []).includes(a)) findings.push(`tableAccess: ${order[i]} lacks ${a}, which ${order[i - 1]} has`);
    }
  }
  for (const [level, actions] of Object.entries(levels)) {
    for (const a of actions) if (!/^dynamodb:[A-Z][A-Za-z]+$/.test(a)) findings.push(`tableAccess: ${level} holds "${a}", not one DynamoDB action`);
  }
  const iamTf = tree.files.find((f) => f.file === 'modules/function/iam.tf');
  if (!JSON.stringify(iamTf?.hcl ?? {}).includes('var.table_actions[statement.key]')) {
    findings.push('modules/function: the table statements do not take their actions from tableAccess (var.table_actions)');
  }
  return findings;
}

// The code that removes items, and the tables it removes from: IdempotencyRecords releases the
// key of a request that failed before its effect, so the next try with that key runs again.
const REMOVERS = { 'platform-core/src/main/java/io/fairdraw/platform/idempotency/IdempotencyRecords.java': ['idempotency'] };

/**
 * A function is granted removal (the write level: DeleteItem, BatchWriteItem) only on a table
 * the code removes items from, and only known code removes items: a new deleteItem elsewhere
 * must name its table here (REMOVERS) before any role may grant it. Everything else is read,
 * append or update, so a compromised function cannot erase what it only adds to or changes.
 */
export function deletes(tree) {
  const findings = [];
  for (const { file, calls } of tree.removals) {
    if (!REMOVERS[file]) findings.push(`functions/${file} removes items (${calls.join(', ')}) but REMOVERS in test/policy.mjs does not name its table`);
  }
  const removable = new Set(Object.values(REMOVERS).flat());
  for (const [fn, f] of Object.entries(tree.topology.functions)) {
    for (const [table, level] of Object.entries(f.tables ?? {})) {
      if (level === 'write' && !removable.has(table)) {
        findings.push(`${fn} has write on ${table}, which no code removes items from: grant update (or append)`);
      }
    }
  }
  return findings;
}

/**
 * The back office functions log in to Aurora as their own database roles, never as the master
 * user: each function with a database names its databaseUser, which db/roles.sql makes without
 * any power over roles or the cluster and without delete on every table; the RDS Proxy connects
 * onwards with IAM (default_auth_scheme IAM_AUTH), not with the master user's secret, and its
 * role may connect as the functions' users only; each function is given its own user and may
 * connect as that user only; and Terraform makes the roles from the same script local-cloud
 * runs, before any function is given the database.
 */
export function databaseRoles(tree) {
  const findings = [];
  const sql = tree.rolesSql.replace(/--[^\n]*/g, '');
  for (const [name, f] of Object.entries(tree.topology.functions)) {
    if (f.database === undefined) continue;
    if (!f.databaseUser) findings.push(`${name} uses the ${f.database} database without a databaseUser`);
    else if (!sql.includes(`CREATE ROLE ${f.databaseUser} LOGIN;`)) findings.push(`${name}'s database user ${f.databaseUser} is not made by db/roles.sql`);
  }
  if (/GRANT[^;]*\b(DELETE|TRUNCATE|ALL)\b[^;]*\bON\s+ALL\s+TABLES/i.test(sql)) findings.push('db/roles.sql grants delete (or everything) on every table');
  if (/\b(SUPERUSER|CREATEROLE|CREATEDB|BYPASSRLS|rds_superuser)\b/i.test(sql)) findings.push('db/roles.sql gives a role power over roles, databases or row security');
  const proxies = resources(tree).filter((r) => r.type === 'aws_db_proxy');
  if (proxies.length === 0) findings.push('no RDS Proxy');
  for (const p of proxies) {
    if (first(p.body.default_auth_scheme) !== 'IAM_AUTH') findings.push(`${where(p)}: does not connect to the database with IAM (default_auth_scheme IAM_AUTH)`);
    if (p.body.auth !== undefined) findings.push(`${where(p)}: logs in to the database with a secret (auth), as one user for every function`);
  }
  const proxyPolicy = JSON.stringify(resources(tree, 'data').find((r) => r.type === 'aws_iam_policy_document' && r.name === 'proxy')?.body ?? {});
  if (/master_user_secret|secretsmanager:/.test(proxyPolicy)) findings.push('modules/data: the proxy role reads the master user\'s secret');
  if (!/rds-db:connect/.test(proxyPolicy) || !/var\.backoffice_database_users/.test(proxyPolicy)) {
    findings.push('modules/data: the proxy role may not connect as the functions\' users (var.backoffice_database_users) only');
  }
  const stack = JSON.stringify(localValues(tree).locals['modules/stack'] ?? {});
  if (/master_username|local\.database\.user\b/.test(stack)) findings.push('modules/stack: a function logs in as the master user');
  if (!/QUARKUS_DATASOURCE_USERNAME\s*=\s*f\.databaseUser/.test(stack)) findings.push('modules/stack: QUARKUS_DATASOURCE_USERNAME is not the function\'s databaseUser');
  if (!/connect_arn_prefix}\/\$\{settings\.QUARKUS_DATASOURCE_USERNAME}/.test(stack)) findings.push('modules/stack: a function may connect as a user other than its own');
  const dataCall = modules(tree).find((m) => m.name === 'data' && m.file.startsWith('modules/stack/'));
  if (!/databaseUser/.test(JSON.stringify(dataCall?.body.backoffice_database_users ?? ''))) {
    findings.push('modules/stack: the data module is not given the functions\' database users from topology.json');
  }
  for (const o of namedBlocks(tree, 'output').filter((x) => x.file.startsWith('modules/data/'))) {
    if (/master_username/.test(JSON.stringify(o.body))) findings.push(`${o.file}: output ${o.name} hands out the master user`);
  }
  const roles = resources(tree).find((r) => r.type === 'terraform_data' && r.name === 'backoffice_roles');
  const dataLocals = localValues(tree).locals['modules/data'] ?? {};
  if (!roles || !/rds-data execute-statement/.test(JSON.stringify(roles.body)) || !/local\.roles_script/.test(JSON.stringify(roles.body))) {
    findings.push('modules/data: Terraform does not make the database roles (terraform_data.backoffice_roles running local.roles_script through the Data API)');
  }
  if (!String(dataLocals.roles_script ?? '').endsWith(ROLES_SQL)) findings.push(`modules/data: roles_script is not ${ROLES_SQL}`);
  const output = namedBlocks(tree, 'output').find((o) => o.name === 'backoffice_database' && o.file.startsWith('modules/data/'));
  if (!/terraform_data\.backoffice_roles/.test(JSON.stringify(output?.body.depends_on ?? ''))) {
    findings.push('modules/data: the backoffice_database output does not wait for the roles (depends_on)');
  }
  return findings;
}

/**
 * The player web app asks Cognito for exactly the scopes its client allows: Terraform renders
 * its config.json (webapp_config) with the scope taken from the web client's
 * allowed_oauth_scopes, and the issuer and client id from the same pool and client, and every
 * environment hands it out. A hand-written scope (the app's Keycloak default, "openid profile")
 * would be refused by Cognito as invalid_scope at sign-in.
 */
export function webapp(tree) {
  const findings = [];
  const outputs = namedBlocks(tree, 'output');
  const scopes = outputs.find((o) => o.name === 'web_client_scopes' && o.file.startsWith('modules/identity/'));
  if (!/aws_cognito_user_pool_client\.web\.allowed_oauth_scopes/.test(JSON.stringify(scopes?.body.value ?? ''))) {
    findings.push('modules/identity: web_client_scopes is not the web client\'s allowed_oauth_scopes');
  }
  const config = outputs.find((o) => o.name === 'webapp_config' && o.file.startsWith('modules/stack/'));
  const value = first(config?.body.value) ?? {};
  const expected = { authority: 'module.identity.issuer', clientId: 'module.identity.web_client_id', scope: 'module.identity.web_client_scopes' };
  for (const [key, ref] of Object.entries(expected)) {
    if (String(value[key] ?? '') !== `\${${ref}}`) findings.push(`modules/stack: webapp_config.${key} is not ${ref}`);
  }
  if (value.allowLocalBeacon !== false) findings.push('modules/stack: webapp_config lets the app accept the local beacon');
  for (const env of ['dev', 'prod']) {
    const out = outputs.find((o) => o.name === 'webapp_config' && o.file.startsWith(`environments/${env}/`));
    if (String(out?.body.value ?? '') !== '${module.stack.webapp_config}') findings.push(`environments/${env}: no webapp_config output from the stack`);
  }
  const web = resources(tree).find((r) => r.type === 'aws_cognito_user_pool_client' && r.name === 'web');
  const allowed = JSON.stringify(web?.body.allowed_oauth_scopes ?? []);
  if (!allowed.includes('"openid"') || !/\/play"/.test(allowed)) findings.push('modules/identity: the web client does not allow openid and the API\'s play scope');
  return findings;
}

/**
 * Every function in the back office's VPC can reach what it calls, by route and security group:
 * DynamoDB (a function with tables) through the gateway endpoint, whose traffic goes to the
 * service's prefix list, so the functions' group must let it out there; Secrets Manager (a
 * function with secrets) through its interface endpoint, inside the VPC; the database through
 * the proxy; and, for a function that serves HTTP, Cognito's key set, which no endpoint serves
 * for a pool with a domain: a NAT route and a group letting HTTPS out, given to that function.
 */
export function vpcReach(tree) {
  const findings = [];
  const text = (value) => JSON.stringify(value ?? '');
  const dataModule = (type) => resources(tree).filter((r) => r.type === type && r.file.startsWith('modules/data/'));
  const egress = dataModule('aws_vpc_security_group_egress_rule').map((r) => r.body);
  const fromFunctions = egress.filter((r) => /aws_security_group\.backoffice_functions/.test(text(r.security_group_id)));
  const gateway = text(dataModule('aws_vpc_endpoint').filter((r) => r.name === 'gateway').map((r) => r.body));
  const interfaces = text(localValues(tree).locals['modules/data']?.interface_endpoints);
  const stackVpc = text(modules(tree).find((m) => m.name === 'function' && m.file.startsWith('modules/stack/'))?.body.vpc);
  for (const [name, f] of Object.entries(tree.topology.functions)) {
    if (f.database === undefined) continue;
    if (Object.keys(f.tables ?? {}).length > 0) {
      if (!gateway.includes('dynamodb')) findings.push(`${name} reads DynamoDB but the VPC has no DynamoDB gateway endpoint`);
      if (!fromFunctions.some((r) => /aws_vpc_endpoint\.gateway|prefix_list_id/.test(text(r.prefix_list_id)) && r.from_port === 443)) {
        findings.push(`${name} reads DynamoDB but its security group does not let HTTPS out to the gateway endpoints' prefix lists`);
      }
    }
    if ((f.secrets ?? []).length > 0) {
      if (!interfaces.includes('secretsmanager')) findings.push(`${name} reads secrets but the VPC has no Secrets Manager endpoint`);
      if (!fromFunctions.some((r) => /vpc_cidr/.test(text(r.cidr_ipv4)) && r.from_port === 443)) {
        findings.push(`${name} reads secrets but its security group does not let HTTPS out to the VPC's endpoints`);
      }
    }
    if (!fromFunctions.some((r) => /aws_security_group\.proxy/.test(text(r.referenced_security_group_id)) && r.from_port === 5432)) {
      findings.push(`${name} uses the database but its security group does not let PostgreSQL out to the proxy`);
    }
    if (f.kind === 'http') {
      const routes = dataModule('aws_route').map((r) => r.body);
      if (!routes.some((r) => /aws_route_table\.private/.test(text(r.route_table_id)) && r.destination_cidr_block === '0.0.0.0/0' && r.nat_gateway_id)) {
        findings.push(`${name} checks tokens against Cognito's key set but the private subnets have no route out (NAT gateway)`);
      }
      if (!egress.some((r) => /aws_security_group\.backoffice_internet/.test(text(r.security_group_id)) && r.cidr_ipv4 === '0.0.0.0/0' && r.from_port === 443)) {
        findings.push(`${name} checks tokens against Cognito's key set but no security group lets HTTPS out`);
      }
      if (!/internet_security_group_id/.test(stackVpc) || !/kind == \\"http\\"/.test(stackVpc)) {
        findings.push(`${name} serves HTTP but modules/stack does not give it the group that lets HTTPS out`);
      }
    }
  }
  return findings;
}

const STAFF_ROLES = new Set(['operator', 'auditor']);

/**
 * Each HTTP function trusts exactly the user pools its routes need (topology.json roles): the
 * players' pool where a route admits players, the staff pool where one admits an operator or
 * auditor, and no other; the staff pool's settings name its own issuer, back-office client and
 * scope, and a function serving both verifies staff tokens with a second, "staff" tenant. Roles
 * come from the pool (PoolRoles), so a players'-pool token naming the operator group grants
 * nothing, and a self-registered player needs no group.
 */
export function identityPools(tree) {
  const findings = [];
  const stack = localValues(tree).locals['modules/stack'] ?? {};
  const expect = (name, key, value) => {
    if (stack[name]?.[key] !== value) findings.push(`modules/stack: ${name}.${key} is not ${value}`);
  };
  expect('players_pool', 'FAIRDRAW_IDENTITY_PLAYERS_ISSUER', '${module.identity.issuer}');
  expect('players_pool', 'FAIRDRAW_IDENTITY_PLAYERS_CLIENTS', '${join(",", module.identity.player_client_ids)}');
  expect('players_pool', 'FAIRDRAW_IDENTITY_PLAYERS_SCOPE', '${module.identity.player_scope}');
  expect('staff_pool', 'FAIRDRAW_IDENTITY_STAFF_ISSUER', '${module.identity.staff_issuer}');
  expect('staff_pool', 'FAIRDRAW_IDENTITY_STAFF_CLIENTS', '${module.identity.back_office_client_id}');
  expect('staff_pool', 'FAIRDRAW_IDENTITY_STAFF_SCOPE', '${module.identity.staff_scope}');
  const tenants = {
    players_http: { players: true, staff: false, default: 'module.identity.issuer' },
    players_and_staff_http: { players: true, staff: true, default: 'module.identity.issuer' },
    staff_http: { players: false, staff: true, default: 'module.identity.staff_issuer' },
  };
  const flat = (name) => JSON.stringify(stack[name] ?? '');
  for (const [name, shape] of Object.entries(tenants)) {
    const text = flat(name) + (name === 'players_and_staff_http' ? flat('players_http') : '');
    if (shape.players !== /local\.players_(pool|http)\b/.test(text)) findings.push(`modules/stack: ${name} ${shape.players ? 'does not trust' : 'trusts'} the players' pool`);
    if (shape.staff !== /local\.staff_pool\b/.test(text)) findings.push(`modules/stack: ${name} ${shape.staff ? 'does not trust' : 'trusts'} the staff pool`);
    const tenant = (key) => (text.match(new RegExp(`${key}\\s*=\\s*([\\w.]+)`)) ?? [])[1];
    if (tenant('QUARKUS_OIDC_AUTH_SERVER_URL') !== shape.default) findings.push(`modules/stack: ${name}'s default tenant is not ${shape.default}`);
    if (shape.players && shape.staff && tenant('QUARKUS_OIDC_STAFF_AUTH_SERVER_URL') !== 'module.identity.staff_issuer') {
      findings.push(`modules/stack: ${name} has no staff tenant for the staff pool's tokens`);
    }
  }
  const settings = first(stack.function_settings) ?? {};
  const roles = {};
  for (const r of tree.topology.routes) for (const role of r.roles ?? []) (roles[r.function] ??= new Set()).add(role);
  for (const [fn, used] of Object.entries(roles)) {
    const given = String(settings[fn] ?? '');
    const players = used.has('player');
    const staff = [...used].some((role) => STAFF_ROLES.has(role));
    const wanted = players && staff ? 'players_and_staff_http' : players ? 'players_http' : 'staff_http';
    const named = (given.match(/local\.(players_http|players_and_staff_http|staff_http)\b/g) ?? []).map((m) => m.slice(6));
    if (named.length !== 1 || named[0] !== wanted) {
      findings.push(`${fn} admits ${[...used].sort().join(', ')} but its identity settings are ${named.join(', ') || 'none'}, not local.${wanted}`);
    }
  }
  const authorizer = String(settings[tree.topology.authorizer?.function] ?? '');
  const guarded = new Set(tree.topology.routes.filter((r) => r.auth === 'authorizer').flatMap((r) => r.roles ?? []));
  const needs = { players_pool: guarded.has('player'), staff_pool: [...guarded].some((role) => STAFF_ROLES.has(role)) };
  for (const [pool, needed] of Object.entries(needs)) {
    if (needed !== new RegExp(`local\\.${pool}\\b`).test(authorizer)) findings.push(`the authorizer ${needed ? 'does not trust' : 'trusts'} ${pool}, which the routes it guards ${needed ? 'need' : 'do not need'}`);
  }
  const backOffice = resources(tree).find((r) => r.type === 'aws_cognito_user_pool_client' && r.name === 'back_office');
  if (backOffice && /web_/.test(JSON.stringify(backOffice.body.callback_urls ?? '') + JSON.stringify(backOffice.body.logout_urls ?? ''))) {
    findings.push(`${where(backOffice)}: the back-office client shares the player web app's callback or logout URLs`);
  }
  if (resources(tree).some((r) => r.type === 'aws_cognito_user_group' && /player/.test(String(r.body.name)))) {
    findings.push('modules/identity: a player group suggests roles come from groups; in the players\' pool they come from the pool');
  }
  return findings;
}

/**
 * The origin secret rotates with overlap: the secret holds the value CloudFront sends and the one
 * before (the property names OriginGuard reads), CloudFront sends the newest slot of
 * modules/rotation, and the slots take their generations from it, so a rotation never leaves an
 * edge that still sends the previous value refused.
 */
function originRotation(tree) {
  const findings = [];
  const version = resources(tree).find((r) => r.type === 'aws_secretsmanager_secret_version' && r.name === 'origin_secret');
  const value = String(version?.body.secret_string ?? '');
  for (const property of ['fairdraw.edge.origin-secret', 'fairdraw.edge.origin-secret-previous']) {
    if (!value.includes(`"${property}"`)) findings.push(`modules/edge: the origin secret does not hold ${property}`);
  }
  if (!/local\.origin_secret_previous/.test(value)) findings.push('modules/edge: the origin secret does not keep the previous value');
  const edgeLocals = localValues(tree).locals['modules/edge'] ?? {};
  if (!/origin_secret_rotation\.newest/.test(JSON.stringify(edgeLocals.origin_secret ?? ''))) {
    findings.push('modules/edge: CloudFront does not send the newest slot of the rotation');
  }
  for (const d of resources(tree).filter((r) => r.type === 'aws_cloudfront_distribution')) {
    const headers = JSON.stringify(d.body.origin ?? '');
    if (/x-fairdraw-origin-secret/.test(headers) && !/local\.origin_secret\}/.test(headers)) {
      findings.push(`${where(d)}: the origin header is not the newest origin secret (local.origin_secret)`);
    }
  }
  const passwords = resources(tree).find((r) => r.type === 'random_password' && r.name === 'origin_secret');
  if (!/origin_secret_rotation\.generations/.test(JSON.stringify(passwords?.body.keepers ?? ''))) {
    findings.push('modules/edge: the origin secret slots do not take their generations from the rotation');
  }
  return findings;
}

/**
 * No route escapes the edge: the API's own endpoint is disabled; the authorizer and every
 * function that serves a route read the origin secret (topology secrets "edge-origin", which the
 * stack maps to the origin secret's ARN), which they require on every request; and the country
 * rule is the web ACL's (with the webhooks left out), not a distribution-wide geo restriction
 * that would also refuse a provider's webhooks.
 */
export function perimeter(tree) {
  const findings = [];
  const api = resources(tree).find((r) => r.type === 'aws_apigatewayv2_api');
  if (!api || first(api.body.disable_execute_api_endpoint) !== true) findings.push('the HTTP API keeps its execute-api endpoint');
  const stackLocals = localValues(tree).locals['modules/stack'] ?? {};
  if (!/origin_secret_arn/.test(JSON.stringify(stackLocals.secret_arns_by_role?.['edge-origin'] ?? ''))) {
    findings.push('modules/stack: the edge-origin secret role does not name the origin secret');
  }
  const served = new Set([...(tree.topology.routes ?? []).map((r) => r.function), tree.topology.authorizer?.function].filter(Boolean));
  for (const fn of served) {
    if (!(tree.topology.functions[fn]?.secrets ?? []).includes('edge-origin')) {
      findings.push(`${fn} serves routes but does not read the edge-origin secret: it could be called around the edge`);
    }
  }
  for (const d of resources(tree).filter((r) => r.type === 'aws_cloudfront_distribution')) {
    const geo = first(first(d.body.restrictions)?.geo_restriction);
    if (geo?.restriction_type !== 'none') findings.push(`${where(d)}: a distribution-wide geo restriction also refuses payment providers' webhooks`);
  }
  findings.push(...originRotation(tree));
  const acls = resources(tree).filter((r) => r.type === 'aws_wafv2_web_acl');
  if (!acls.some((acl) => /geo_match_statement/.test(JSON.stringify(acl.body)) && /webhook/.test(JSON.stringify(acl.body)))) {
    findings.push('no web ACL rule keeps players to the allowed countries while letting the webhooks through');
  }
  return findings;
}

const SECRET_SETTINGS = ['FAIRDRAW_EDGE_ORIGIN_SECRET', 'FAIRDRAW_PAYMENTS_SANDBOX_WEBHOOK_SECRET', 'FAIRDRAW_PAYMENTS_ADYEN_API_KEY',
  'FAIRDRAW_PAYMENTS_ADYEN_HMAC_KEY', 'FAIRDRAW_COMPLIANCE_SCREENING_KEY', 'FAIRDRAW_BACKOFFICE_KEY_ENCRYPTION_KEY'];

/**
 * Secrets stay out of the Lambda environment and out of the state: no function setting is a
 * secret's value; nothing reads a secret's value into the state (a data source of secret
 * versions); and a secret Terraform generates is ephemeral and written write-only
 * (secret_string_wo). The one exception is the origin secret, which CloudFront's origin header
 * holds as plain configuration anyway (docs/deploy.md).
 */
export function secrets(tree) {
  const findings = [];
  const settingsText = JSON.stringify(localValues(tree).locals['modules/stack'] ?? {});
  for (const name of SECRET_SETTINGS) if (settingsText.includes(name)) findings.push(`modules/stack: a function is given ${name} as a setting`);
  for (const d of resources(tree, 'data').filter((r) => r.type === 'aws_secretsmanager_secret_version')) {
    findings.push(`${where(d)}: reads a secret's value into the state`);
  }
  for (const r of resources(tree).filter((x) => x.type === 'aws_secretsmanager_secret_version')) {
    const value = String(r.body.secret_string ?? '');
    if (r.name === 'origin_secret' || r.body.secret_string === undefined) continue;
    if (/random_|tls_private_key|var\./.test(value)) findings.push(`${where(r)}: writes a generated secret with secret_string, which keeps it in the state`);
  }
  for (const r of resources(tree).filter((x) => /^random_(bytes|password|string)$/.test(x.type))) {
    if (r.name !== 'origin_secret') findings.push(`${where(r)}: a generated value kept in the state; make it ephemeral and write it write-only`);
  }
  return findings;
}

/**
 * The functions nothing may starve have concurrency reserved: the draw (its scheduled steps must
 * run at their time, whatever betting does to the account's concurrency) and the authorizer
 * (every player request passes it); and the function module passes the reservation on.
 */
export function concurrency(tree) {
  const findings = [];
  for (const fn of ['draw', tree.topology.authorizer?.function]) {
    if (!(tree.topology.functions[fn]?.reservedConcurrency >= 1)) findings.push(`${fn} has no reserved concurrency`);
  }
  const lambdas = resources(tree).filter((r) => r.type === 'aws_lambda_function' && r.file.startsWith('modules/function/'));
  if (!lambdas.some((r) => /var\.reserved_concurrency/.test(String(r.body.reserved_concurrent_executions)))) {
    findings.push('modules/function: aws_lambda_function does not take reserved_concurrent_executions from var.reserved_concurrency');
  }
  return findings;
}

/**
 * Evidence an auditor or an incident needs: a multi-Region CloudTrail whose log files are signed
 * (log file validation), and the web ACL's request log, with the Authorization header redacted.
 */
export function evidence(tree) {
  const findings = [];
  const trails = resources(tree).filter((r) => r.type === 'aws_cloudtrail');
  if (!trails.some((t) => first(t.body.enable_log_file_validation) === true && first(t.body.is_multi_region_trail) === true)) {
    findings.push('no multi-Region CloudTrail with log file validation');
  }
  const wafLogs = resources(tree).filter((r) => r.type === 'aws_wafv2_web_acl_logging_configuration');
  if (wafLogs.length === 0) findings.push('the web ACL does not log its requests');
  for (const log of wafLogs) {
    if (!/"name":\s*"authorization"/i.test(JSON.stringify(log.body.redacted_fields ?? []))) findings.push(`${where(log)}: the Authorization header is not redacted`);
  }
  return findings;
}

/**
 * Messages are encrypted with the platform's key, as the tables are: every queue names a
 * customer-managed key (no SQS-managed encryption), the bus and its archive too; the key policy
 * lets EventBridge use the key for this account and the account's roles use it through SQS; each
 * role that sends to a queue takes a data key through SQS in the same policy, and every function
 * that consumes, sends or has failures sent to a queue gets that statement from the stack.
 */
export function messages(tree) {
  const findings = [];
  const all = resources(tree);
  for (const q of all.filter((r) => r.type === 'aws_sqs_queue')) {
    if (first(q.body.kms_master_key_id) === undefined) findings.push(`${where(q)}: not encrypted with a customer-managed key (kms_master_key_id)`);
    if (first(q.body.sqs_managed_sse_enabled) === true) findings.push(`${where(q)}: SQS-managed encryption instead of the platform's key`);
  }
  for (const r of all.filter((x) => x.type === 'aws_cloudwatch_event_bus' || x.type === 'aws_cloudwatch_event_archive')) {
    if (first(r.body.kms_key_identifier) === undefined) findings.push(`${where(r)}: events kept under an AWS-owned key (kms_key_identifier)`);
  }
  for (const bus of all.filter((x) => x.type === 'aws_cloudwatch_event_bus')) {
    if (first(bus.body.dead_letter_config)?.arn === undefined) findings.push(`${where(bus)}: an event that cannot be encrypted would be lost (dead_letter_config)`);
  }
  const keyDoc = statements(tree).filter(({ doc }) => doc.file === 'modules/data/kms.tf' && doc.name === 'data_key').map(({ s }) => s);
  const services = (s) => (s.principals ?? []).flatMap((p) => [].concat(p.identifiers ?? []));
  if (!keyDoc.some((s) => services(s).includes('events.amazonaws.com') && JSON.stringify(s.actions).includes('kms:GenerateDataKey'))) {
    findings.push('modules/data: the data key does not let EventBridge generate data keys for the bus and the queues');
  }
  const values = localValues(tree);
  if (!values('modules/data', values.locals['modules/data']?.key_services ?? []).includes('sqs')) {
    findings.push('modules/data: the data key cannot be used through SQS (key_services)');
  }
  const docs = new Map();
  for (const { doc, s } of statements(tree)) {
    if (doc.file === 'modules/function/iam.tf') continue;
    (docs.get(doc) ?? docs.set(doc, []).get(doc)).push(s);
  }
  for (const [doc, list] of docs) {
    const identity = list.every((s) => !s.principals);
    const sends = list.some((s) => JSON.stringify(s.actions ?? []).includes('sqs:SendMessage'));
    const keyed = list.some((s) => JSON.stringify(s.actions ?? []).includes('kms:GenerateDataKey') && JSON.stringify(s.condition ?? []).includes('sqs.'));
    if (identity && sends && !keyed) findings.push(`${where(doc)}: sends to an encrypted queue without a data key through SQS`);
  }
  const stack = tree.files.find((f) => f.file === 'modules/stack/main.tf');
  const stackText = JSON.stringify(stack?.hcl ?? {});
  if (!/UseQueueKeyThroughSqs/.test(stackText)) findings.push('modules/stack: no function is given the queue key through SQS (UseQueueKeyThroughSqs)');
  const users = JSON.stringify(stack?.hcl?.locals?.map((l) => l.queue_key_users) ?? []);
  for (const source of ['consumed_queues', 'scheduled_functions', 'stream_consumers', 'sqs:SendMessage']) {
    if (!users.includes(source)) findings.push(`modules/stack: queue_key_users leaves out the functions of ${source}`);
  }
  return findings;
}

/**
 * KMS conditions that say what they mean. A ForAllValues test on kms:EncryptionContextKeys is
 * true of a request with no encryption context, so it comes with a Null test that requires one;
 * kms:CreateGrant is allowed only with kms:GrantIsForAWSResource, so no grant hands a key's use to
 * anything but the AWS resource it was made for. Statements of policy documents and those built
 * in locals (the functions' extra_statements) are both read.
 */
export function kmsConditions(tree) {
  const findings = [];
  const inspect = (label, actions, conditions) => {
    const list = [].concat(conditions ?? []).flatMap((c) => (typeof c === 'string' ? [] : [c]));
    const text = JSON.stringify(list);
    for (const c of list) {
      if (/^ForAllValues:/.test(first(c.test) ?? '') && first(c.variable) === 'kms:EncryptionContextKeys') {
        const guarded = list.some((n) => first(n.test) === 'Null' && first(n.variable) === 'kms:EncryptionContextKeys' && JSON.stringify(n.values).includes('false'));
        if (!guarded) findings.push(`${label}: ForAllValues on kms:EncryptionContextKeys without a Null condition admits a request with no context`);
      }
    }
    if (JSON.stringify(actions ?? []).includes('kms:CreateGrant') && !/kms:GrantIsForAWSResource/.test(text)) {
      findings.push(`${label}: kms:CreateGrant without kms:GrantIsForAWSResource`);
    }
  };
  for (const { doc, s } of statements(tree)) inspect(`${where(doc)} ${s.sid ?? ''}`.trim(), s.actions, s.condition);
  const walk = (file, value) => {
    if (Array.isArray(value)) return value.forEach((v) => walk(file, v));
    if (value === null || typeof value !== 'object') return;
    if (value.actions !== undefined && value.conditions !== undefined) inspect(`${file}: locals statement ${value.sid ?? ''}`.trim(), value.actions, value.conditions);
    Object.values(value).forEach((v) => walk(file, v));
  };
  for (const { file, hcl } of tree.files) for (const block of hcl.locals ?? []) walk(file, block);
  return findings;
}

export const CHECKS = { parses, functions, routes, iam, tables, deadLetters, logRetention, variables, outputs, tableEnum, versions, queues, ledger, perimeter, concurrency, evidence, kmsConditions, secrets, messages, deletes, databaseRoles, webapp, vpcReach, identityPools };

/** Runs every check on dir: { checkName: findings[] }. */
export async function checkTree(dir, options) {
  const tree = await loadTree(dir, options);
  return Object.fromEntries(Object.entries(CHECKS).map(([name, check]) => [name, check(tree)]));
}
