import type { Prng } from "./prng";

/** Keys that probe for prototype pollution, or for code that trusts an object's own methods. */
export const HOSTILE_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "then", "toJSON"] as const;

const STRINGS = [
  "",
  " ",
  "\t\r\n",
  "0",
  "-1",
  "1e999",
  "true",
  "null",
  "undefined",
  "NaN",
  "[]",
  "{}",
  "\u0000",
  "before\u0000after",
  "\u001b[2J",
  "\ud800",
  "\udfff",
  "\u202e\u2066\u2069",
  "\u200b\u200c\ufeff",
  "🙂",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "%s%n%x",
  "../../etc/passwd",
  "__proto__",
  "constructor",
  "candidate:",
  "v=0",
  "offer",
  "rollback",
  "00000000-0000-0000-0000-000000000000",
] as const;

// Finite numbers only: NaN, Infinity and -0 change on the wire (JSON makes them null or 0).
const NUMBERS = [0, 1, -1, 0.5, -0.000001, 65, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e308, 5e-324] as const;

/** A property named `key` on `target`, even "__proto__" (an object literal or `=` would set the prototype instead). */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export interface JunkOptions {
  /** Most bytes a "huge" string may take in JSON: beyond schema limits, yet small enough that the frame fits maxHttpBufferSize. */
  hugeStringBytes: number;
}

/** Characters huge strings are made of, with the bytes each UTF-16 unit takes in JSON (NUL and a lone surrogate are escaped). */
const HUGE_UNITS = [
  { text: "x", bytes: 1 },
  { text: "é", bytes: 2 },
  { text: "🙂", bytes: 2 },
  { text: "\u0000", bytes: 6 },
  { text: "\ud800", bytes: 6 },
] as const;

/**
 * Values of every JSON type and Buffers, chosen to break a schema: wrong types, hostile keys,
 * huge strings, deep nesting, binary. Each payload gets at most one huge string, so a payload
 * tests the schema and not the frame limit (which has tests of its own).
 */
export class JunkMaker {
  private hugeLeft = 1;

  constructor(
    private readonly rng: Prng,
    private readonly options: JunkOptions,
  ) {}

  /** Call before each payload: restores its huge-string allowance. */
  startPayload(): void {
    this.hugeLeft = 1;
  }

  /** A junk value; `binary: false` keeps Buffers out of it (see `entry`). */
  value(depth = 0, binary = true): unknown {
    const { rng } = this;
    const kinds = ["string", "number", "boolean", "null", "huge", "array", "object", "hostile", "deep", "buffer"] as const;
    const kind = depth > 2 ? rng.pick(kinds.slice(0, 4)) : rng.pick(binary ? kinds : kinds.slice(0, -1));
    switch (kind) {
      case "string":
        return rng.chance(0.7) ? rng.pick(STRINGS) : this.randomText(rng.int(1, 80));
      case "number":
        return rng.chance(0.8) ? rng.pick(NUMBERS) : rng.int(-1e9, 1e9);
      case "boolean":
        return rng.chance(0.5);
      case "null":
        return null;
      case "huge":
        return this.hugeString();
      case "array":
        return Array.from({ length: rng.int(0, 4) }, () => this.value(depth + 1, binary));
      case "object":
        return this.object(depth, rng.int(0, 4), binary);
      case "hostile":
        return this.hostileObject(depth);
      case "deep":
        return this.deep(rng.int(64, 2_000));
      case "buffer":
        return rng.bytes(rng.int(0, 512));
    }
  }

  /** A string longer than any field allows (a chat message's 4,000, an SDP's 32,000). */
  hugeString(): string {
    if (this.hugeLeft <= 0) return this.randomText(this.rng.int(300, 1_200));
    this.hugeLeft -= 1;
    const unit = this.rng.pick(HUGE_UNITS);
    const length = this.rng.int(4_001, Math.max(4_001, Math.floor(this.options.hugeStringBytes / unit.bytes)));
    return unit.text.repeat(Math.ceil(length / unit.text.length)).slice(0, length);
  }

  /** A plain object of random keys (a hostile one at times) and junk values. */
  object(depth: number, size: number, binary = true): Record<string, unknown> {
    const target: Record<string, unknown> = {};
    for (let i = 0; i < size; i++) {
      const [key, value] = this.entry(depth + 1, binary);
      setOwn(target, key, value);
    }
    return target;
  }

  /**
   * A key and a value for it. Never a Buffer under "__proto__": socket.io-client rebuilds a
   * packet that holds binary by assignment, so such a key becomes the copy's prototype and is
   * not sent; the server would receive a different payload from the one generated here.
   */
  entry(depth = 0, binary = true): [string, unknown] {
    const key = this.key();
    return [key, this.value(depth, binary && key !== "__proto__")];
  }

  key(): string {
    const { rng } = this;
    return rng.chance(0.4) ? rng.pick(HOSTILE_KEYS) : rng.chance(0.5) ? this.randomText(rng.int(1, 12)) : rng.pick(STRINGS);
  }

  /** `{ "__proto__": { "polluted": true } }`, `{ "constructor": { "prototype": { … } } }` and the like. */
  private hostileObject(depth: number): Record<string, unknown> {
    const target = this.object(depth, this.rng.int(0, 2), false);
    const inner: Record<string, unknown> = {};
    setOwn(inner, this.rng.pick(["polluted", "prototype", "isAdmin", "__proto__"]), this.rng.chance(0.5) ? true : { polluted: true });
    setOwn(target, this.rng.pick(HOSTILE_KEYS), inner);
    return target;
  }

  /** Objects or arrays nested `levels` deep, as a parser or a recursive walker would meet them. */
  private deep(levels: number): unknown {
    let value: unknown = this.rng.pick(STRINGS);
    const asArray = this.rng.chance(0.5);
    for (let i = 0; i < levels; i++) {
      if (asArray) value = [value];
      else {
        const wrapper = {};
        setOwn(wrapper, i % 50 === 0 ? this.rng.pick(HOSTILE_KEYS) : "a", value);
        value = wrapper;
      }
    }
    return value;
  }

  private randomText(length: number): string {
    return Array.from({ length }, () => String.fromCharCode(this.rng.chance(0.9) ? this.rng.int(0x20, 0x7e) : this.rng.int(0, 0xffff))).join("");
  }
}
