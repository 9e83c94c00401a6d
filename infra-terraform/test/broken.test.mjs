// Each check fails on a copy of the configuration broken in the one way it guards against, so
// a check that silently stopped looking would be noticed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { CHECKS, loadTree } from './policy.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tableJava = join(root, '..', 'functions/platform-core/src/main/java/io/fairdraw/platform/dynamo/Table.java');
const javaSources = join(root, '..', 'functions');
const rolesSql = join(root, '..', 'functions/backoffice-store/src/main/resources/db/roles.sql');

function edit(dir, file, from, to) {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  assert.ok(text.includes(from), `${file} no longer contains ${JSON.stringify(from)}: update this test`);
  writeFileSync(path, text.replace(from, to));
}

async function brokenCopy(breakIt) {
  const dir = mkdtempSync(join(tmpdir(), 'fairdraw-tf-'));
  cpSync(root, dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
  try {
    breakIt(dir);
    return await loadTree(dir, { tableJava, javaSources, rolesSql });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const breakages = {
  parses: [
    'a file with an unclosed block',
    (dir) => appendFileSync(join(dir, 'modules/table/main.tf'), '\nresource "aws_sqs_queue" "x" {\n  name = \n'),
    /modules\/table\/main\.tf/,
  ],
  functions: [
    'the function module iterating over a filtered map',
    (dir) => edit(dir, 'modules/stack/main.tf', 'for_each = local.topology.functions', 'for_each = { for k, v in local.topology.functions : k => v if k != "payout" }'),
    /not local\.topology\.functions|payout/,
  ],
  routes: [
    'routes that never attach the authorizer',
    (dir) => edit(dir, 'modules/api/main.tf', 'authorization_type = each.value.auth == "authorizer" ? "CUSTOM" : "NONE"', 'authorization_type = "NONE"'),
    /authorization_type/,
  ],
  iam: [
    'a statement granting dynamodb:* on every table',
    (dir) => edit(dir, 'topology.json', '"read": [\n      "dynamodb:BatchGetItem",', '"read": [\n      "dynamodb:*",'),
    /dynamodb:\*/,
  ],
  tables: [
    'a table without point-in-time recovery',
    (dir) => edit(dir, 'modules/table/main.tf', 'point_in_time_recovery {\n    enabled = true', 'point_in_time_recovery {\n    enabled = false'),
    /point-in-time recovery/,
  ],
  deadLetters: [
    'a consumed queue without a redrive policy',
    (dir) => edit(dir, 'modules/events/queues.tf', 'redrive_policy = jsonencode', 'tags_unused = jsonencode'),
    /redrive policy/,
  ],
  logRetention: [
    'a log group without retention',
    (dir) => edit(dir, 'modules/function/main.tf', 'retention_in_days = var.log_retention_days', ''),
    /retention/,
  ],
  variables: [
    'a variable without a description',
    (dir) => edit(dir, 'modules/table/variables.tf', '  description = "Physical table name, <name_prefix>-<logical name>."\n', ''),
    /variable name has no description/,
  ],
  outputs: [
    'an output without a description',
    (dir) => edit(dir, 'modules/table/outputs.tf', '  description = "ARN of the table."\n', ''),
    /output table_arn has no description/,
  ],
  tableEnum: [
    'a table whose stream disagrees with Table.java',
    (dir) => edit(dir, 'modules/stack/tables.tf', 'settlements       = { range_key = true, ttl = null, stream = true', 'settlements       = { range_key = true, ttl = null, stream = false'),
    /settlements.*stream/,
  ],
  versions: [
    'an environment that admits a Terraform too old for its write-only secrets and S3 lock file',
    (dir) => edit(dir, 'environments/dev/versions.tf', 'required_version = ">= 1.11"', 'required_version = ">= 1.6"'),
    /older than 1\.11|differs/,
  ],
  queues: [
    'a queue seen again while its consumer may still run (payout-withdrawals at 120 s, as it was)',
    (dir) => edit(dir, 'topology.json', '"name": "payout-withdrawals",\n      "function": "payout",\n      "visibilityTimeoutSeconds": 1800',
      '"name": "payout-withdrawals",\n      "function": "payout",\n      "visibilityTimeoutSeconds": 120'),
    /payout-withdrawals: visibility 120 s/,
  ],
  messages: [
    'a pipe role that sends to its encrypted dead-letter queue without a data key',
    (dir) => edit(dir, 'modules/events/pipes.tf', 'values   = ["sqs.${data.aws_region.current.region}.amazonaws.com"]',
      'values   = ["dynamodb.${data.aws_region.current.region}.amazonaws.com"]'),
    /pipes: sends to an encrypted queue without a data key/,
  ],
  ledger: [
    'a function that may delete transfers, and an append that may rewrite',
    (dir) => {
      const path = join(dir, 'topology.json');
      const topology = JSON.parse(readFileSync(path, 'utf8'));
      topology.functions.wallet.tables.transfers = 'write';
      topology.tableAccess.append.push('dynamodb:UpdateItem');
      writeFileSync(path, JSON.stringify(topology));
    },
    /wallet has write access to the ledger table transfers/,
  ],
  perimeter: [
    'the back office reachable around the edge (it does not read the origin secret), as it was',
    (dir) => {
      const path = join(dir, 'topology.json');
      const topology = JSON.parse(readFileSync(path, 'utf8'));
      topology.functions['backoffice-api'].secrets = topology.functions['backoffice-api'].secrets.filter((s) => s !== 'edge-origin');
      writeFileSync(path, JSON.stringify(topology));
    },
    /backoffice-api serves routes but does not read the edge-origin secret/,
  ],
  concurrency: [
    'a draw whose steps could be starved, as it was',
    (dir) => {
      const path = join(dir, 'topology.json');
      const topology = JSON.parse(readFileSync(path, 'utf8'));
      delete topology.functions.draw.reservedConcurrency;
      writeFileSync(path, JSON.stringify(topology));
    },
    /draw has no reserved concurrency/,
  ],
  evidence: [
    'a trail whose log files cannot be proven unaltered',
    (dir) => edit(dir, 'modules/observability/trail.tf', 'enable_log_file_validation    = true', 'enable_log_file_validation    = false'),
    /log file validation/,
  ],
  kmsConditions: [
    'a seed key whose context rule admits a request with no context, as it did',
    (dir) => edit(dir, 'modules/data/kms.tf', `    condition {
      test     = "Null"
      variable = "kms:EncryptionContextKeys"
      values   = ["false"]
    }`, ''),
    /SealAndOpenSeeds: ForAllValues on kms:EncryptionContextKeys without a Null condition/,
  ],
  deletes: [
    'tickets removable by betting, which only adds them',
    (dir) => {
      const path = join(dir, 'topology.json');
      const topology = JSON.parse(readFileSync(path, 'utf8'));
      topology.functions.betting.tables.tickets = 'write';
      writeFileSync(path, JSON.stringify(topology));
    },
    /betting has write on tickets, which no code removes items from/,
  ],
  databaseRoles: [
    'the proxy logging in with the master user\'s secret, as it did',
    (dir) => edit(dir, 'modules/data/backoffice.tf', 'default_auth_scheme    = "IAM_AUTH"',
      'auth {\n    auth_scheme = "SECRETS"\n    iam_auth    = "REQUIRED"\n    secret_arn  = aws_rds_cluster.backoffice[0].master_user_secret[0].secret_arn\n  }'),
    /logs in to the database with a secret/,
  ],
  webapp: [
    'the web app\'s scope written by hand, as the deploy guide had it',
    (dir) => edit(dir, 'modules/stack/outputs.tf', 'scope            = module.identity.web_client_scopes', 'scope            = "openid profile"'),
    /webapp_config\.scope is not module\.identity\.web_client_scopes/,
  ],
  vpcReach: [
    'the back office API\'s DynamoDB traffic held inside the VPC, as it was (the gateway endpoint is outside it)',
    (dir) => edit(dir, 'modules/data/network.tf', 'prefix_list_id    = each.value.prefix_list_id', 'cidr_ipv4         = var.backoffice.vpc_cidr'),
    /backoffice-api reads DynamoDB but its security group does not let HTTPS out to the gateway endpoints' prefix lists/,
  ],
  identityPools: [
    'the back office checking the players\' pool\'s tokens, as it did',
    (dir) => edit(dir, 'modules/stack/settings.tf', '"backoffice-api"       = merge(local.staff_http,', '"backoffice-api"       = merge(local.players_http,'),
    /backoffice-api admits auditor, operator but its identity settings are players_http, not local.staff_http/,
  ],
  secrets: [
    'the screening key generated into the state and the wallet given the webhook secret, as they were',
    (dir) => {
      appendFileSync(join(dir, 'modules/data/secrets.tf'), '\nresource "random_bytes" "screening_key_old" {\n  length = 32\n}\n');
      edit(dir, 'modules/stack/settings.tf', 'FAIRDRAW_PAYMENTS_ENABLED = join(",", var.payment_providers)',
        'FAIRDRAW_PAYMENTS_ENABLED = join(",", var.payment_providers)\n    FAIRDRAW_PAYMENTS_SANDBOX_WEBHOOK_SECRET = "x"');
    },
    /FAIRDRAW_PAYMENTS_SANDBOX_WEBHOOK_SECRET as a setting/,
  ],
};

test('every check has a breakage that proves it can fail', () => {
  assert.deepEqual(Object.keys(breakages).sort(), Object.keys(CHECKS).sort());
});

for (const [name, [what, breakIt, expected]] of Object.entries(breakages)) {
  test(`the ${name} check reports ${what}`, async () => {
    const tree = await brokenCopy(breakIt);
    const findings = CHECKS[name](tree);
    assert.ok(findings.some((f) => expected.test(f)), `expected a finding matching ${expected}, got ${JSON.stringify(findings)}`);
  });
}

test('the identityPools check reports the back-office client sharing the web app\'s callbacks, and a players\' group, as they were', async () => {
  const tree = await brokenCopy((dir) => {
    edit(dir, 'modules/identity/clients.tf', 'callback_urls                        = var.back_office_callback_urls', 'callback_urls                        = var.web_callback_urls');
    appendFileSync(join(dir, 'modules/identity/main.tf'),
      '\nresource "aws_cognito_user_group" "player" {\n  name         = "player"\n  user_pool_id = aws_cognito_user_pool.players.id\n}\n');
  });
  const findings = CHECKS.identityPools(tree);
  assert.ok(findings.some((f) => /back-office client shares the player web app's callback/.test(f)), JSON.stringify(findings));
  assert.ok(findings.some((f) => /a player group suggests roles come from groups/.test(f)), JSON.stringify(findings));
});

test('the routes check reports a route the topology does not declare', async () => {
  const tree = await brokenCopy((dir) =>
    appendFileSync(
      join(dir, 'modules/api/main.tf'),
      '\nresource "aws_apigatewayv2_route" "extra" {\n  api_id    = aws_apigatewayv2_api.this.id\n  route_key = "GET /v1/admin"\n}\n',
    ),
  );
  assert.ok(CHECKS.routes(tree).some((f) => f.includes('GET /v1/admin is not in topology.json')));
});

test('the routes check reports a topology route the API does not serve', async () => {
  const tree = await brokenCopy((dir) => {
    const path = join(dir, 'topology.json');
    const topology = JSON.parse(readFileSync(path, 'utf8'));
    // The API builds from the topology, so a route can only go missing if the module is given
    // another list: simulate that by handing it a literal list.
    writeFileSync(path, JSON.stringify(topology));
    edit(dir, 'modules/stack/main.tf', 'routes      = local.topology.routes', 'routes      = []');
  });
  assert.ok(CHECKS.routes(tree).some((f) => f.includes('not local.topology.routes')));
});

test('the iam check reports a KMS action on every key', async () => {
  const tree = await brokenCopy((dir) => edit(dir, 'modules/stack/settings.tf', 'resources = [module.data.seeds_key_arn]', 'resources = ["*"]'));
  assert.ok(CHECKS.iam(tree).some((f) => /kms:Decrypt, kms:Encrypt on resource "\*"/.test(f)), JSON.stringify(CHECKS.iam(tree)));
});

test('the tableEnum check reports a table missing from Terraform', async () => {
  const tree = await brokenCopy((dir) => edit(dir, 'modules/stack/tables.tf', '    favourites        = { range_key = false, ttl = null, stream = false, indexes = [] }\n', ''));
  assert.ok(CHECKS.tableEnum(tree).some((f) => f.includes('"favourites" is in Table.java but not in Terraform')));
});

test('the messages check reports queues under SQS-managed keys and a bus under an AWS-owned key, as they were', async () => {
  const tree = await brokenCopy((dir) => {
    edit(dir, 'modules/events/queues.tf', 'kms_master_key_id                 = var.messages_kms_key_arn', 'sqs_managed_sse_enabled = true');
    edit(dir, 'modules/events/main.tf', '  kms_key_identifier = var.messages_kms_key_arn\n\n  dead_letter_config', '\n  dead_letter_config');
  });
  const findings = CHECKS.messages(tree);
  assert.ok(findings.some((f) => /aws_sqs_queue\.dlq: not encrypted with a customer-managed key/.test(f)), JSON.stringify(findings));
  assert.ok(findings.some((f) => /aws_sqs_queue\.dlq: SQS-managed encryption/.test(f)), JSON.stringify(findings));
  assert.ok(findings.some((f) => /aws_cloudwatch_event_bus\.this: events kept under an AWS-owned key/.test(f)), JSON.stringify(findings));
});

test('the perimeter check reports an origin secret that rotates without overlap, as it did', async () => {
  const tree = await brokenCopy((dir) => {
    edit(dir, 'modules/edge/secret.tf', '    "fairdraw.edge.origin-secret-previous" = local.origin_secret_previous\n', '');
    edit(dir, 'modules/edge/main.tf', 'value = local.origin_secret', 'value = local.origin_secret_previous');
  });
  const findings = CHECKS.perimeter(tree);
  assert.ok(findings.some((f) => f.includes('does not hold fairdraw.edge.origin-secret-previous')), JSON.stringify(findings));
  assert.ok(findings.some((f) => f.includes('the origin header is not the newest origin secret')), JSON.stringify(findings));
});

test('the deletes check reports code that removes items from a table nobody named', async () => {
  const tree = await brokenCopy(() => {});
  tree.removals.push({ file: 'betting/src/main/java/io/fairdraw/betting/store/Tickets.java', calls: ['deleteItem'] });
  const findings = CHECKS.deletes(tree);
  assert.ok(findings.some((f) => f.includes('Tickets.java removes items (deleteItem) but REMOVERS')), JSON.stringify(findings));
  assert.ok(tree.removals.some((r) => r.file.endsWith('IdempotencyRecords.java')), 'the scan finds the code that removes idempotency records');
});

test('the databaseRoles check reports a role the script does not make, or one that may delete everything', async () => {
  const tree = await brokenCopy((dir) => {
    const path = join(dir, 'topology.json');
    const topology = JSON.parse(readFileSync(path, 'utf8'));
    topology.functions['backoffice-api'].databaseUser = 'fairdraw_reporter';
    writeFileSync(path, JSON.stringify(topology));
    edit(dir, 'modules/stack/settings.tf', 'QUARKUS_DATASOURCE_USERNAME                     = f.databaseUser',
      'QUARKUS_DATASOURCE_USERNAME                     = local.database.user');
  });
  tree.rolesSql = tree.rolesSql.replace('GRANT SELECT, INSERT, UPDATE ON ALL TABLES', 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES')
    .replace('CREATE ROLE fairdraw_projector LOGIN;', 'CREATE ROLE fairdraw_projector LOGIN CREATEROLE;');
  const findings = CHECKS.databaseRoles(tree);
  for (const expected of ['fairdraw_reporter is not made by db/roles.sql', 'grants delete (or everything) on every table',
    'power over roles', 'fairdraw_projector is not made', 'a function logs in as the master user']) {
    assert.ok(findings.some((f) => f.includes(expected)), `${expected}: ${JSON.stringify(findings)}`);
  }
});

test('the vpcReach check reports a back office API with no way to Cognito\'s key set, as it had', async () => {
  const tree = await brokenCopy((dir) => {
    edit(dir, 'modules/data/network.tf', 'nat_gateway_id         = aws_nat_gateway.backoffice[0].id', 'vpc_peering_connection_id = "pcx-none"');
    edit(dir, 'modules/stack/main.tf', 'each.value.kind == "http" ? compact', 'false ? compact');
  });
  const findings = CHECKS.vpcReach(tree);
  for (const expected of ['private subnets have no route out', 'does not give it the group that lets HTTPS out']) {
    assert.ok(findings.some((f) => f.includes(expected)), `${expected}: ${JSON.stringify(findings)}`);
  }
});
