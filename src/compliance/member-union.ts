import type { Genealogy } from '../genealogy';

/**
 * Members of several periods numbered once: the last period's genealogy gives slots `0 … size-1` (its
 * preorder), members seen only in earlier periods (who left the records since) get the slots after. Maps
 * each period's preorder index to its slot.
 *
 * @example
 * ```ts
 * const union = new MemberUnion(lastGenealogy);
 * const slotOf = union.add(octoberGenealogy); // Int32Array, preorder index → slot
 * union.size; // members across both periods
 * ```
 */
export class MemberUnion {
  readonly master: Genealogy;
  readonly #extra = new Map<string, number>();
  readonly #extraIds: string[] = [];
  readonly #extraRoles: number[] = [];

  constructor(master: Genealogy) {
    this.master = master;
  }

  /** Members in the union. */
  get size(): number {
    return this.master.size + this.#extraIds.length;
  }

  /** Slot of each member of `genealogy` (preorder index → slot). */
  add(genealogy: Genealogy): Int32Array {
    if (genealogy === this.master) {
      const identity = new Int32Array(genealogy.size);
      for (let i = 0; i < identity.length; i++) identity[i] = i;
      return identity;
    }
    const ids = [...genealogy.ids];
    const slots = this.master.indexesOf(ids);
    for (let i = 0; i < slots.length; i++) {
      if (slots[i] >= 0) continue;
      let slot = this.#extra.get(ids[i]);
      if (slot === undefined) {
        slot = this.size;
        this.#extra.set(ids[i], slot);
        this.#extraIds.push(ids[i]);
        this.#extraRoles.push(genealogy.roles[i]);
      }
      slots[i] = slot;
    }
    return slots;
  }

  /** The member id of a slot. */
  idAt(slot: number): string {
    return slot < this.master.size ? this.master.ids.at(slot) : this.#extraIds[slot - this.master.size];
  }

  /** Role code of a slot (0 affiliate, 1 customer): as last seen. */
  roleAt(slot: number): number {
    return slot < this.master.size ? this.master.roles[slot] : this.#extraRoles[slot - this.master.size];
  }
}
