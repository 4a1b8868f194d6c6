import type { CostRecord, PackageRecord } from '../compliance/period-records';
import type { MemberRecord } from '../genealogy';
import type { OrderRecord } from '../orders/order-record';
import type { PlanInput } from '../plan/schema';
import { seededRandom } from './seeded-random';

/**
 * The published records the synthetic profiles are shaped after:
 * - `burnlounge-like`: FTC v. BurnLounge (9th Cir. 2014) — about 92.6% of revenue from packages, 96.8% of
 *   buyers joined, most participants never recouped; packages of 29.95, 129.95 and 429.95 paying the upline;
 *   a fast-growing network (most members joined this period), about 37% of members recruit anyone.
 * - `neora-like`: FTC v. Neora (N.D. Tex. 2023), ruled not a pyramid — about five preferred customers per
 *   affiliate, income mostly on customers' orders, no joining fee, a small yearly fee.
 *
 * @example
 * ```ts
 * const name: ComplianceProfileName = 'neora-like';
 * ```
 */
export type ComplianceProfileName = 'burnlounge-like' | 'neora-like';

/**
 * One synthetic period, ready for `computeCommissions` and `assessCompliance`.
 *
 * @example
 * ```ts
 * const { plan, members, orders, costs, packages, start, end } = complianceProfile('burnlounge-like');
 * ```
 */
export interface ComplianceProfile {
  readonly plan: PlanInput;
  readonly members: MemberRecord[];
  readonly orders: OrderRecord[];
  readonly costs: CostRecord[];
  readonly packages: PackageRecord[];
  readonly start: string;
  readonly end: string;
}

const START = '2026-10-01';
const END = '2026-10-31';
const PACKAGES = [2995, 12995, 42995]; // minor units
const PACKAGE_GOODS = [500, 1500, 3000]; // what a package's goods are worth at retail

/**
 * A seeded synthetic period shaped like a published case, for tests, demos and plan comparisons. The same
 * name, size and seed give the same records on every machine. Amounts are integer minor units.
 *
 * @example
 * ```ts
 * const profile = complianceProfile('burnlounge-like', { affiliates: 2000, seed: 7 });
 * const result = computeCommissions({ genealogy: Genealogy.fromRecords(profile.members), plan: profile.plan, orders: profile.orders });
 * assessCompliance({ result, ...profile }).flags.map((f) => f.id); // includes 6, 10 and 14
 * ```
 */
export function complianceProfile(
  name: ComplianceProfileName,
  options: { readonly affiliates?: number; readonly seed?: number } = {},
): ComplianceProfile {
  const affiliates = options.affiliates ?? 2000;
  const random = seededRandom(options.seed ?? 1);
  return name === 'burnlounge-like' ? burnLounge(affiliates, random) : neora(affiliates, random);
}

/** Sponsors for `n` affiliates: each new affiliate is sponsored by a recruiter; a share of members recruit at all. */
function recruitingTree(n: number, recruiterShare: number, random: () => number): { ids: string[]; sponsors: (string | null)[] } {
  const ids: string[] = [];
  const sponsors: (string | null)[] = [];
  const recruiters: number[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(`a${i}`);
    sponsors.push(recruiters.length === 0 ? null : ids[recruiters[Math.floor(random() * recruiters.length)]]);
    if (i === 0 || random() < recruiterShare) recruiters.push(i);
  }
  return { ids, sponsors };
}

function day(random: () => number, joinedThisPeriod: number): string {
  if (random() < joinedThisPeriod) return `2026-10-${String(1 + Math.floor(random() * 31)).padStart(2, '0')}`;
  return `2026-${String(1 + Math.floor(random() * 9)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
}

function burnLounge(n: number, random: () => number): ComplianceProfile {
  const { ids, sponsors } = recruitingTree(n, 0.3, random);
  const members: MemberRecord[] = [];
  const orders: OrderRecord[] = [];
  const costs: CostRecord[] = [];
  const packages: PackageRecord[] = [];
  for (let i = 0; i < n; i++) {
    const joinedOn = day(random, 0.97);
    members.push({ id: ids[i], sponsorId: sponsors[i], joinedOn });
    if (joinedOn >= START) {
      // a newcomer buys a package: the joining fee, commissionable up the line
      const tier = random() < 0.5 ? 0 : random() < 0.7 ? 1 : 2;
      const id = `e${i}`;
      orders.push({ id, affiliateId: ids[i], amount: PACKAGES[tier], kind: 'enrollment' });
      packages.push({ orderId: id, goodsValue: PACKAGE_GOODS[tier] });
    }
    if (random() < 0.3) orders.push({ id: `p${i}`, affiliateId: ids[i], amount: 500 + Math.floor(random() * 1500), kind: 'personal' });
    costs.push({ affiliateId: ids[i], amount: 695, kind: 'monthly web store fee' });
  }
  // a few real outside customers: about 3% of buyers
  const customers = Math.max(1, Math.round(n * 0.03));
  for (let c = 0; c < customers; c++) {
    const sponsorId = ids[Math.floor(random() * n)];
    members.push({ id: `c${c}`, sponsorId, role: 'customer', joinedOn: day(random, 0.5) });
    orders.push({ id: `r${c}`, affiliateId: `c${c}`, amount: 500 + Math.floor(random() * 1500), kind: 'retail' });
  }
  return {
    plan: { levels: ['0.1', '0.05', '0.05', '0.03', '0.03', '0.03', '0.03', '0.03'], minPersonalVolume: '0', commissionable: ['retail', 'personal', 'enrollment'] },
    members,
    orders,
    costs,
    packages,
    start: START,
    end: END,
  };
}

function neora(n: number, random: () => number): ComplianceProfile {
  const { ids, sponsors } = recruitingTree(n, 0.3, random);
  const members: MemberRecord[] = [];
  const orders: OrderRecord[] = [];
  const costs: CostRecord[] = [];
  let customers = 0;
  for (let i = 0; i < n; i++) {
    members.push({ id: ids[i], sponsorId: sponsors[i], joinedOn: day(random, 0.08) });
    if (random() < 0.5) orders.push({ id: `p${i}`, affiliateId: ids[i], amount: 3000 + Math.floor(random() * 5000), kind: 'personal' });
    costs.push({ affiliateId: ids[i], amount: 1995, kind: 'yearly fee, monthly share' });
    // about five preferred customers each, most of whom order this month
    const own = Math.floor(random() * 11);
    for (let c = 0; c < own; c++) {
      const id = `c${customers++}`;
      members.push({ id, sponsorId: ids[i], role: 'customer', joinedOn: day(random, 0.1) });
      if (random() < 0.85) orders.push({ id: `r${id}`, affiliateId: id, amount: 4000 + Math.floor(random() * 8000), kind: 'retail' });
    }
  }
  return {
    plan: { levels: ['0.10', '0.05', '0.03', '0.02', '0.02'], minPersonalVolume: '100', compression: 'dynamic' },
    members,
    orders,
    costs,
    packages: [],
    start: START,
    end: END,
  };
}
