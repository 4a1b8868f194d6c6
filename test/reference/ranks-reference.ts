/**
 * A naive oracle for rank evaluation: per member, the downline found by walking sponsors, every requirement
 * recomputed with decimal.js from the rules as written. Shares no code with src/.
 */
import Decimal from 'decimal.js';

const D = Decimal.clone({ precision: 200 });
type Dec = InstanceType<typeof D>;

export interface RefRank {
  name: string;
  personalVolume?: string;
  groupVolume?: string;
  maxLegShare?: string;
  activeLegs?: number;
  legRank?: string;
  personallySponsoredActives?: number;
}

/**
 * Paid-as rank name (or null) per member id. `pv` is each member's PV (customers' orders folded into their
 * referrer, customers 0), `active` the qualified affiliates. Members are processed deepest first, so that
 * every leg's ranks are known before its sponsor's.
 */
export function referenceRanks(
  members: readonly { id: string; sponsorId: string | null; role?: string }[],
  pv: Map<string, Dec>,
  active: Set<string>,
  ranks: readonly RefRank[],
): Map<string, string | null> {
  const sponsor = new Map(members.map((m) => [m.id, m.sponsorId]));
  const customer = new Set(members.filter((m) => m.role === 'customer').map((m) => m.id));
  const depth = (id: string) => {
    let d = 0;
    for (let p = sponsor.get(id) ?? null; p !== null; p = sponsor.get(p) ?? null) d++;
    return d;
  };
  const isBelow = (id: string, top: string) => {
    for (let p = sponsor.get(id) ?? null; p !== null; p = sponsor.get(p) ?? null) if (p === top) return true;
    return false;
  };
  const subtree = (top: string) => members.filter((m) => m.id === top || isBelow(m.id, top)).map((m) => m.id);
  const gv = (top: string) => subtree(top).reduce((sum, id) => sum.plus(pv.get(id) ?? 0), new D(0));
  const code = new Map(ranks.map((r, k) => [r.name, k + 1]));
  const paid = new Map<string, number>();
  const order = [...members].sort((a, b) => depth(b.id) - depth(a.id));
  for (const m of order) {
    paid.set(m.id, 0);
    if (customer.has(m.id) || !active.has(m.id)) continue;
    const legs = members.filter((x) => x.sponsorId === m.id && !customer.has(x.id)).map((x) => x.id);
    for (let k = ranks.length - 1; k >= 0; k--) {
      const rank = ranks[k];
      const own = pv.get(m.id) ?? new D(0);
      if (rank.personalVolume !== undefined && own.lt(rank.personalVolume)) continue;
      if (rank.groupVolume !== undefined) {
        const need = new D(rank.groupVolume);
        const cap = rank.maxLegShare === undefined ? null : need.times(rank.maxLegShare);
        const counted = legs.reduce((sum, leg) => {
          const v = gv(leg);
          return sum.plus(cap !== null && v.gt(cap) ? cap : v);
        }, own);
        if (counted.lt(need)) continue;
      }
      if (rank.activeLegs !== undefined && rank.activeLegs > 0) {
        const want = rank.legRank === undefined ? 0 : (code.get(rank.legRank) as number);
        const held = legs.filter((leg) =>
          subtree(leg).some((id) => (want === 0 ? active.has(id) : (paid.get(id) ?? 0) >= want)),
        ).length;
        if (held < rank.activeLegs) continue;
      }
      const recruits = legs.filter((leg) => active.has(leg)).length;
      if (recruits < (rank.personallySponsoredActives ?? 0)) continue;
      paid.set(m.id, k + 1);
      break;
    }
  }
  return new Map(members.map((m) => [m.id, paid.get(m.id) ? ranks[(paid.get(m.id) as number) - 1].name : null]));
}
