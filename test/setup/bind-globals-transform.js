/**
 * ts-jest, plus one line at the top of every compiled module that binds the built-ins it uses.
 *
 * Jest runs each module in a vm context, and there every read of a global (Math, Infinity, Map, ...)
 * goes through the context's property interceptor: about 0.5 µs a read on this project's 2-core
 * machine, against a few nanoseconds in a plain Node process or a browser (docs/benchmarks.md,
 * "Jest's pace"). The planner reads Math and Infinity millions of times a draft, so in Jest it ran
 * 5–8 times slower than the command line — and the determinism tests, which plan with the real clock
 * against the 2-s TimeLimit, ran on what was for the planner a much slower machine than any user's.
 * Bound once per module, each is a plain variable read. The bound values are the context's own
 * built-ins, so nothing a test can observe changes; Date, timers and performance are left unbound so
 * that Jest's fake timers still replace them.
 */
const { TsJestTransformer } = require('ts-jest');

const BUILT_INS = [
  'Math', 'Number', 'Infinity', 'NaN', 'isFinite', 'isNaN', 'parseFloat', 'parseInt',
  'Array', 'Object', 'String', 'Boolean', 'Symbol', 'JSON', 'Map', 'Set', 'WeakMap', 'WeakSet',
  'Float64Array', 'Float32Array', 'Int32Array', 'Int16Array', 'Int8Array', 'Uint32Array', 'Uint16Array', 'Uint8Array',
];
const BINDING = `const { ${BUILT_INS.join(', ')} } = globalThis;`;
const STRICT = /^(\s*(["'])use strict\2;?)/;

/** After the "use strict" directive (so that it stays one), on its line (so that line numbers hold). */
function bindBuiltIns(code) {
  const strict = STRICT.exec(code);
  return strict ? `${strict[1]}${BINDING}${code.slice(strict[1].length)}` : `${BINDING}${code}`;
}

class BindGlobalsTransformer extends TsJestTransformer {
  process(...args) {
    const out = super.process(...args);
    return { ...out, code: bindBuiltIns(out.code) };
  }
  async processAsync(...args) {
    const out = await super.processAsync(...args);
    return { ...out, code: bindBuiltIns(out.code) };
  }
  getCacheKey(...args) {
    return `${super.getCacheKey(...args)}:${BINDING}`;
  }
  async getCacheKeyAsync(...args) {
    return `${await super.getCacheKeyAsync(...args)}:${BINDING}`;
  }
}

module.exports = {
  createTransformer: (options) => new BindGlobalsTransformer(options),
};
