/**
 * Building a {@link Genealogy} from member records given in chunks, so that a caller reading millions of
 * members from a file holds one chunk of records at a time: each chunk is checked as it comes and only its ids
 * and sponsor ids are kept, packed; the checks over all the members (duplicate ids, sponsors, cycles) run at the
 * end.
 *
 * @module
 */
import type { IssuePath } from '../errors';
import { checkCapacity } from './capacity';
import { Genealogy } from './genealogy';
import { checkMembers, memberChecks } from './check-members';
import { linkChecked } from './link-members';
import type { MemberRecord } from './member-record';
import { ChunkedIds, joinPackedIds, PackedIds } from './packed-ids';

/**
 * Checks member records chunk by chunk and keeps their ids and sponsor ids packed instead of the records;
 * {@link GenealogyBuilder.build} links them and throws every problem found, in every chunk, together in one
 * `DownlineError`. The genealogy and the issues are the same as `Genealogy.fromRecords` gives for all the
 * records at once: record indexes in paths and messages count from the first record of the first chunk.
 *
 * @example
 * ```ts
 * const builder = new GenealogyBuilder({ path: ['members'] });
 * builder.add([{ id: 'A', sponsorId: null }]);
 * builder.add([{ id: 'B', sponsorId: 'A' }, { id: 'C', sponsorId: 'B' }]);
 * const genealogy = builder.build(); // genealogy.upline('C') is ['B', 'A']
 * ```
 */
export class GenealogyBuilder {
  readonly #base: IssuePath;
  #checks = memberChecks(0);
  /** Each chunk's ids and sponsor ids, packed, and the position of its first record. */
  #idChunks: PackedIds[] = [];
  #sponsorChunks: PackedIds[] = [];
  #chunkStarts: number[] = [];
  #built = false;

  /**
   * @param options.path prefixes every issue's path; `capacity` makes room for that many members at once (a
   * caller that knows about how many will come, from a file's line count, spares the columns their growing
   * copies; more may still be added)
   */
  constructor(options: { path?: IssuePath; capacity?: number } = {}) {
    this.#base = options.path ?? [];
    if (options.capacity !== undefined) this.#checks = memberChecks(checkCapacity(options.capacity, 'GenealogyBuilder'));
  }

  /** How many records were added. */
  get count(): number {
    return this.#checks.count;
  }

  /** Checks a chunk of records, the next after those added before, and packs their ids; problems wait for `build`. */
  add(records: ArrayLike<MemberRecord>): this {
    if (this.#built) throw new Error('GenealogyBuilder: add after build');
    if (records.length === 0) return this;
    const start = this.#checks.count;
    const { idAt, sponsorIdAt } = checkMembers(records, this.#checks);
    this.#idChunks.push(new PackedIds(records.length, idAt));
    this.#sponsorChunks.push(new PackedIds(records.length, sponsorIdAt));
    this.#chunkStarts.push(start);
    return this;
  }

  /**
   * Links the members of every chunk (ids indexed, sponsors found, cycles sought), then throws one
   * `DownlineError` with every issue, in the order `Genealogy.fromRecords` gives them, or returns the
   * genealogy. A builder builds once.
   */
  build(): Genealogy {
    if (this.#built) throw new Error('GenealogyBuilder: built twice');
    this.#built = true;
    const checks = this.#checks;
    const starts = this.#chunkStarts;
    const ids = joinPackedIds(this.#idChunks, starts, checks.count);
    const sponsorIds = new ChunkedIds(this.#sponsorChunks, starts);
    this.#idChunks = [];
    this.#sponsorChunks = [];
    this.#checks = memberChecks(0);
    return Genealogy.fromLinked(linkChecked(checks, ids, sponsorIds, this.#base), this.#base);
  }
}
