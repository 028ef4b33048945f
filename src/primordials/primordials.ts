/**
 * The language built-ins that page-world code may use, captured when this module is evaluated:
 * in the page, at document_start, before the page's first script (the model is Node.js core's
 * `lib/internal/per_context/primordials.js`). A page may replace any global or prototype member
 * after that (`String.prototype.slice`, `JSON`, `Map.prototype.get`...); code that calls these
 * copies neither runs the page's replacements nor breaks with them. Methods are "uncurried": the
 * receiver is the first argument, `StringPrototypeSlice(s, 0, n)` for `s.slice(0, n)`.
 *
 * `npm run lint` (eslint/rules/page-world.js) keeps page-world code to these: no direct member
 * calls on built-ins, no built-in globals, no `for...of` or spread over arrays, no `await`.
 */
/* eslint-disable page-world/no-unsafe-builtins -- this module is where they are captured */

const {
  apply: ReflectApplyFn,
  construct: ReflectConstructFn,
  deleteProperty: ReflectDeletePropertyFn,
} = Reflect;
const { bind, call } = Function.prototype;

/**
 * `uncurryThis(fn)(self, ...args)` is `fn.call(self, ...args)` without looking up `call` then:
 * `call.bind(fn)`, bound once, here. (Not a rest-and-spread wrapper: spreading iterates the array
 * with `Array.prototype[Symbol.iterator]`, which the page can replace.)
 */
const uncurry = ReflectApplyFn(bind, bind, [call]) as (fn: unknown) => unknown;
export function uncurryThis<T, A extends readonly unknown[], R>(
  fn: (this: T, ...args: A) => R,
): (self: T, ...args: A) => R {
  return uncurry(fn) as (self: T, ...args: A) => R;
}

/** A getter of a built-in prototype, uncurried: `uncurryGetter(proto, 'byteLength')(view)`. */
export function uncurryGetter<T, R>(proto: object, name: PropertyKey): (self: T) => R {
  const get = ObjectGetOwnPropertyDescriptor(proto, name)?.get;
  if (get === undefined) throw new TypeError('no such built-in getter');
  return uncurryThis(get as (this: T) => R);
}

export const ReflectApply: <R>(fn: (...args: never[]) => R, self: unknown, args: ArrayLike<unknown>) => R =
  ReflectApplyFn as never;
export const ReflectConstruct = ReflectConstructFn;
export const ReflectDeleteProperty = ReflectDeletePropertyFn;

export const ObjectDefineProperty = Object.defineProperty;
export const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
export const ObjectGetPrototypeOf = Object.getPrototypeOf;
export const ObjectPrototypeToString = uncurryThis(Object.prototype.toString);
export const ObjectKeys = Object.keys;
export const ObjectPrototypeHasOwnProperty = uncurryThis<object, [PropertyKey], boolean>(
  Object.prototype.hasOwnProperty,
);

export const FunctionPrototypeToString = Function.prototype.toString;

export const ArrayIsArray = Array.isArray;
/**
 * `a.slice(start, end)` for arrays, without `Array.prototype.slice`: that one asks
 * `a.constructor[Symbol.species]` for the result's constructor, and the page can replace
 * `Array[Symbol.species]` (found by the poisoned-page test).
 */
export function ArraySlice<T>(a: readonly T[], start: number, end: number): T[] {
  const out: T[] = [];
  const stop = end < a.length ? end : a.length;
  for (let i = start; i < stop; i++) {
    const x = a[i];
    if (x !== undefined) out[out.length] = x;
  }
  return out;
}

export const StringPrototypeCharCodeAt = uncurryThis(String.prototype.charCodeAt);
export const StringPrototypeIndexOf = uncurryThis(String.prototype.indexOf);
export const StringPrototypeSlice = uncurryThis(String.prototype.slice);
/** `String.fromCharCode(...codes)`, reading `codes` as array-like (no iterator). */
const fromCharCode = String.fromCharCode;
export const StringFromCharCodes = (codes: ArrayLike<number>): string =>
  ReflectApplyFn(fromCharCode, null, codes) as string;

export const NumberIsInteger = Number.isInteger;
export const NumberIsNaN = Number.isNaN;
export const NumberPrototypeToString = uncurryThis(Number.prototype.toString);

export const RegExpCtor = RegExp;
export const RegExpPrototypeExec = uncurryThis(RegExp.prototype.exec);

/** Epoch milliseconds: V8 answers it without a call into the browser, unlike `performance.now`. */
export const DateNow = Date.now;

export const MathCeil = Math.ceil;
export const MathFloor = Math.floor;
export const MathMax = Math.max;
export const MathMin = Math.min;
export const MathRandom = Math.random;

export const JSONParse = JSON.parse;
export const JSONStringify = JSON.stringify;

export const SymbolFor = Symbol.for;
export const SymbolIterator = Symbol.iterator;

export const ErrorCtor = Error;
export const ProxyCtor = Proxy;

export const MapCtor = Map;
export const MapPrototypeGet = uncurryThis(Map.prototype.get) as <K, V>(m: Map<K, V>, k: K) => V | undefined;
export const MapPrototypeSet = uncurryThis(Map.prototype.set) as <K, V>(
  m: Map<K, V>,
  k: K,
  v: V,
) => Map<K, V>;
export const MapPrototypeHas = uncurryThis(Map.prototype.has) as <K, V>(m: Map<K, V>, k: K) => boolean;
export const MapPrototypeDelete = uncurryThis(Map.prototype.delete) as <K, V>(m: Map<K, V>, k: K) => boolean;
export const MapPrototypeGetSize = uncurryGetter<Map<unknown, unknown>, number>(Map.prototype, 'size');
/** Visits entries in insertion order, without the page-replaceable iterator protocol. */
export const MapPrototypeForEach = uncurryThis(Map.prototype.forEach) as <K, V>(
  m: Map<K, V>,
  fn: (v: V, k: K) => void,
) => void;

export const WeakMapCtor = WeakMap;
export const WeakMapPrototypeGet = uncurryThis(WeakMap.prototype.get) as <K extends object, V>(
  m: WeakMap<K, V>,
  k: K,
) => V | undefined;
export const WeakMapPrototypeSet = uncurryThis(WeakMap.prototype.set) as <K extends object, V>(
  m: WeakMap<K, V>,
  k: K,
  v: V,
) => WeakMap<K, V>;
export const WeakMapPrototypeHas = uncurryThis<WeakMap<object, unknown>, [object], boolean>(
  WeakMap.prototype.has,
);
export const WeakSetCtor = WeakSet;
export const WeakSetPrototypeAdd = uncurryThis<WeakSet<object>, [object], WeakSet<object>>(
  WeakSet.prototype.add,
);
export const WeakSetPrototypeHas = uncurryThis<WeakSet<object>, [object], boolean>(WeakSet.prototype.has);

export const ArrayBufferIsView = ArrayBuffer.isView;
export const ArrayBufferPrototypeGetByteLength = uncurryGetter<ArrayBuffer, number>(
  ArrayBuffer.prototype,
  'byteLength',
);
/** %TypedArray%.prototype, the parent of Uint8Array.prototype and its siblings. */
const TypedArrayPrototype = ObjectGetPrototypeOf(Uint8Array.prototype) as object;
/** The typed array's name ("Uint8Array"...), from its internal slot; undefined for a DataView. */
export const TypedArrayPrototypeGetSymbolToStringTag = uncurryGetter<ArrayBufferView, string | undefined>(
  TypedArrayPrototype,
  Symbol.toStringTag,
);
export const TypedArrayPrototypeGetByteLength = uncurryGetter<ArrayBufferView, number>(
  TypedArrayPrototype,
  'byteLength',
);
export const TypedArrayPrototypeGetByteOffset = uncurryGetter<ArrayBufferView, number>(
  TypedArrayPrototype,
  'byteOffset',
);
export const TypedArrayPrototypeGetBuffer = uncurryGetter<ArrayBufferView, ArrayBufferLike>(
  TypedArrayPrototype,
  'buffer',
);
/** `target.set(source, offset)` for Uint8Arrays. */
export const TypedArrayPrototypeSet = uncurryThis(Uint8Array.prototype.set) as (
  target: Uint8Array,
  source: Uint8Array,
  offset: number,
) => void;
export const DataViewPrototypeGetByteLength = uncurryGetter<DataView, number>(
  DataView.prototype,
  'byteLength',
);
export const DataViewPrototypeGetByteOffset = uncurryGetter<DataView, number>(
  DataView.prototype,
  'byteOffset',
);
export const DataViewPrototypeGetBuffer = uncurryGetter<DataView, ArrayBufferLike>(
  DataView.prototype,
  'buffer',
);

export const ArrayBufferCtor = ArrayBuffer;
export const Uint8ArrayCtor = Uint8Array;
export const Int16ArrayCtor = Int16Array;
export const Int32ArrayCtor = Int32Array;
export const Float64ArrayCtor = Float64Array;
