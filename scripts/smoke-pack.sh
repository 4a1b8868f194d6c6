#!/usr/bin/env bash
# Packs the library, installs the tarball in a throwaway project and imports it from ESM and CommonJS.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "./$tarball"

cat > check.mjs <<'JS'
import { Genealogy, computeCommissions, runScenario } from 'downline';
const genealogy = Genealogy.fromRecords([{ id: 'A', sponsorId: null }, { id: 'B', sponsorId: 'A' }, { id: 'C', sponsorId: 'B' }]);
const result = computeCommissions({ genealogy, plan: { levels: ['0.10', '0.05'] }, orders: [{ id: 'o1', affiliateId: 'C', amount: '100.00', kind: 'retail' }] });
if (result.payout('B') !== '10.00' || result.payout('A') !== '5.00') throw new Error('ESM: wrong payouts');
if (typeof runScenario !== 'function') throw new Error('ESM: runScenario missing');
console.log('ESM import ok:', result.payout('B'), result.payout('A'));
JS
cat > check.cjs <<'JS'
const { Genealogy, computeCommissions, DownlineError } = require('downline');
const genealogy = Genealogy.fromRecords([{ id: 'A', sponsorId: null }, { id: 'B', sponsorId: 'A' }, { id: 'C', sponsorId: 'B' }]);
const result = computeCommissions({ genealogy, plan: { levels: ['0.10', '0.05'] }, orders: [{ id: 'o1', affiliateId: 'C', amount: '100.00', kind: 'retail' }] });
if (result.payout('B') !== '10.00') throw new Error('CJS: wrong payout');
try { Genealogy.fromRecords([{ id: 'X', sponsorId: 'Y' }]); throw new Error('CJS: no error'); } catch (e) { if (!(e instanceof DownlineError)) throw e; }
const schema = require('downline/plan.schema.json');
if (schema.properties.levels.maxItems !== 8) throw new Error('CJS: plan.schema.json missing or stale');
console.log('CJS require ok:', result.payout('B'), '(and downline/plan.schema.json)');
JS
cat > check.mts <<'TS'
import { computeCommissions, type CommissionResult } from 'downline';
export const run: (input: Parameters<typeof computeCommissions>[0]) => CommissionResult = computeCommissions;
TS
cat > check.cts <<'TS'
import downline = require('downline');
export const payout: (id: string) => string = (id) => String(id) + typeof downline.computeCommissions;
TS
node check.mjs
node check.cjs
# the command installed with the package: help, version, and a report written from CSV files
./node_modules/.bin/downline --help | grep -q 'Example' && echo 'bin ok: downline --help'
version=$(./node_modules/.bin/downline --version)
[ "$version" = "$(node -p "require('$repo/package.json').version")" ] && echo "bin ok: downline --version $version"
printf '%s\n' '{"levels":["0.10","0.05"]}' > plan.json
printf 'id,sponsorId\nA,\nB,A\nC,B\n' > members.csv
printf 'id,affiliateId,amount,kind\no1,C,100.00,retail\n' > orders.csv
./node_modules/.bin/downline report --plan plan.json --members members.csv --orders orders.csv --out report.html --quiet
grep -q '<svg class="chart" data-chart="levels"' report.html && echo 'bin ok: downline report wrote report.html'
node "$repo/node_modules/typescript/bin/tsc" --noEmit --strict --skipLibCheck \
  --module nodenext --moduleResolution nodenext check.mts check.cts
echo "types resolve from ESM (check.mts) and CJS (check.cts)"
