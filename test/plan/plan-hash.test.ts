import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { respell } from './respell';
import { DownlineError } from '../../src/errors';
import { parsePlan } from '../../src/plan/parse-plan';
import { canonicalJson, canonicalPlanJson, planHash } from '../../src/plan/plan-hash';
import { sha256BytesHex, sha256Hex, utf8Bytes } from '../../src/plan/sha256';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('gives the standard test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // the 448-bit and 896-bit messages of FIPS 180-2 / NIST
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(
      sha256Hex(
        'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      ),
    ).toBe('cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1');
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('matches node:crypto at every padding boundary (0 to 200 bytes)', () => {
    for (let n = 0; n <= 200; n++) {
      const text = 'x'.repeat(n);
      expect(sha256Hex(text), `length ${n}`).toBe(nodeSha256(text));
    }
  });

  it('matches node:crypto on random strings (any UTF-16, lone surrogates included)', () => {
    const units = fc.string({ unit: 'binary', maxLength: 300 });
    const rawUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 80 }).map((codes) => String.fromCharCode(...codes));
    fc.assert(
      fc.property(fc.oneof(units, rawUnits, fc.string({ maxLength: 200 })), (text) => {
        expect(sha256Hex(text)).toBe(nodeSha256(text));
      }),
      { seed: 601, numRuns: 800 },
    );
  });

  it('encodes UTF-8 as TextEncoder does', () => {
    expect([...utf8Bytes('é€😀')]).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
    expect([...utf8Bytes('a\ud800b\udc00')]).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62, 0xef, 0xbf, 0xbd]);
    const encoder = new TextEncoder();
    const rawUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((codes) => String.fromCharCode(...codes));
    fc.assert(
      fc.property(fc.oneof(rawUnits, fc.string({ unit: 'binary', maxLength: 40 })), (text) => {
        expect(utf8Bytes(text)).toEqual(encoder.encode(text));
      }),
      { seed: 602, numRuns: 500 },
    );
  });

  it('hashes bytes directly', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) & 0xff);
    expect(sha256BytesHex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps arrays in order, writes no whitespace', () => {
    expect(canonicalJson({ b: [2, { d: 1, c: null }], a: 'x' })).toBe('{"a":"x","b":[2,{"c":null,"d":1}]}');
    expect(canonicalJson({ z: { y: { x: [[], {}] } }, 'a b': true })).toBe('{"a b":true,"z":{"y":{"x":[[],{}]}}}');
  });
  it('leaves out undefined keys and writes undefined array items as null, like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
    expect(canonicalJson('q"\n')).toBe(JSON.stringify('q"\n'));
  });
  it('handles deep nesting without recursion', () => {
    let value: unknown = 0;
    for (let i = 0; i < 100_000; i++) value = [value];
    const text = canonicalJson(value);
    expect(text.length).toBe(200_001);
    expect(text.startsWith('[[[') && text.endsWith(']]]')).toBe(true);
  });
  it('is JSON with sorted keys on random JSON values', () => {
    // a recursive reference (objects put integer-like keys first, so sorting by rebuilding one would not do)
    const reference = (value: unknown): string =>
      Array.isArray(value)
        ? `[${value.map(reference).join(',')}]`
        : value !== null && typeof value === 'object'
          ? `{${Object.keys(value)
              .sort()
              .map((key) => `${JSON.stringify(key)}:${reference((value as Record<string, unknown>)[key])}`)
              .join(',')}}`
          : JSON.stringify(value);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
        expect(canonicalJson(JSON.parse(canonicalJson(value)))).toBe(canonicalJson(value));
      }),
      { seed: 603, numRuns: 300 },
    );
  });
});

/** A plan using most features, as a caller might write it. */
const richInput = {
  levels: ['0.10', '0.05', '0.020'],
  minPersonalVolume: '50',
  compression: 'dynamic',
  rounding: 'half-up',
  commissionable: ['retail', 'personal', 'enrollment'],
  directSale: '0.05',
  fastStart: ['50', '25.5'],
  ranks: [
    { name: 'Bronze', personalVolume: '100', differential: '0.01' },
    { name: 'Silver', groupVolume: '1000', maxLegShare: '0.50', activeLegs: 2, differential: '0.02', matching: ['0.1'] },
    { name: 'Gold', groupVolume: '4350', activeLegs: 3, legRank: 'Silver', levels: ['0.1', '0.06'], differential: '0.04' },
  ],
  breakaway: { rank: 'Gold', generations: ['0.020', '0.01'] },
  matching: { levels: ['0.05'], on: ['unilevel', 'differential'] },
  pools: [{ name: 'Leaders', share: '0.010', shares: { Silver: 1, Gold: 2 } }],
  retailProfit: { wholesaleRate: '0.750' },
  binary: { pairVolume: '100', pairAmount: '10', carryCap: '5000', pairCeiling: 20 },
  caps: { perPayee: '10000', perBonus: { matching: '500', unilevel: '1000' }, totalShare: '0.5' },
} as const;

describe('canonicalPlanJson', () => {
  it('writes the normalized plan with sorted keys and no whitespace', () => {
    const plan = parsePlan(richInput);
    const text = canonicalPlanJson(plan);
    expect(JSON.parse(text)).toEqual(plan);
    expect(JSON.stringify(JSON.parse(text))).toBe(text); // no whitespace
    expect(text.startsWith('{"allowRateSumAboveOne":false,"binary":{"carryCap":"5000.00","pairAmount":"10.00"')).toBe(true);
    expect(text).toContain('"shares":{"Gold":2,"Silver":1}');
    expect(text).toContain('"perBonus":{"matching":"500.00","unilevel":"1000.00"}');
    expect(text).toContain('"levels":["0.1","0.05","0.02"]');
  });
});

describe('planHash', () => {
  it('is sha256: and the SHA-256 of the canonical JSON of the normalized plan', () => {
    const hash = planHash(richInput);
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(hash).toBe(`sha256:${nodeSha256(canonicalPlanJson(parsePlan(richInput)))}`);
    expect(planHash(parsePlan(richInput))).toBe(hash);
  });

  it('does not depend on how equivalent plans are written', () => {
    const hash = planHash({ levels: ['0.1', '0.05'] });
    expect(planHash({ levels: ['0.10', '0.050'] })).toBe(hash);
    expect(planHash({ levels: ['0.1', '0.05'], compression: 'none', rounding: 'half-even', scale: 2, minPersonalVolume: '0.00' })).toBe(hash);
    expect(planHash({ levels: ['0.1', '0.05'], binary: null, caps: undefined, pools: [], ranks: [], fastStart: [] })).toBe(hash);
    expect(planHash({ scale: 2, levels: ['0.1', '0.05'], commissionable: ['retail', 'personal'] })).toBe(hash);
    expect(planHash(parsePlan({ levels: ['0.1', '0.05'] }))).toBe(hash);
  });

  it('changes with any rule', () => {
    const base = { levels: ['0.1', '0.05'] };
    const hashes = [
      planHash(base),
      planHash({ levels: ['0.1', '0.06'] }),
      planHash({ levels: ['0.1', '0.05', '0.01'] }),
      planHash({ ...base, compression: 'dynamic' }),
      planHash({ ...base, scale: 3 }),
      planHash({ ...base, minPersonalVolume: '0.01' }),
      planHash({ ...base, commissionable: ['personal', 'retail'] }), // arrays keep their order
      planHash({ ...base, ranks: [{ name: 'Gold' }] }),
      planHash({ ...base, ranks: [{ name: 'Gold', activeLegs: 0 }] }),
      planHash({ ...base, binary: { pairVolume: '100', pairAmount: '10' } }),
      planHash({ ...base, retailProfit: {} }),
    ];
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('throws the DownlineError of an invalid plan', () => {
    expect(() => planHash({ levels: ['0.6', '0.6'] })).toThrow(DownlineError);
    expect(() => planHash({ levels: ['0.1'] } as never)).toThrow(DownlineError);
  });

  it('is the same for a plan written with keys in any order and decimals written otherwise (property)', () => {
    const inputs = [
      richInput,
      { levels: ['0.1', '0.05'] },
      { levels: ['0.1', '0.05', '0.02', '0.01'], scale: 3, fastStart: ['1.5'], caps: { totalShare: '0.25', remainder: 'company' } },
      { levels: ['0.05', '0.05'], ranks: [{ name: 'A', personalVolume: '10' }, { name: 'B', groupVolume: '20.5', levels: ['0.2'] }], pools: [{ name: 'P', share: '0.01', shares: { A: 1, B: 3 } }] },
    ];
    const hashes = inputs.map((input) => planHash(input as never));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: inputs.length - 1 }), fc.integer(), (which, seed) => {
        const written = respell(inputs[which], seed);
        expect(planHash(written as never)).toBe(hashes[which]);
      }),
      { seed: 604, numRuns: 400 },
    );
    // the respelling does change the text
    expect(JSON.stringify(respell(richInput, 7))).not.toBe(JSON.stringify(richInput));
  });
});
