// RFC 8785 JSON Canonicalization Scheme (JCS), the form truceline signs (docs/ledger.md,
// "Canonical JSON"; the C++ side is src/truceline/ledger/canonical.cpp). Hand-written: no
// vendored library; JCS is defined on ECMAScript's own serialisation, so it is short here:
// - object members sorted by the UTF-16 code units of their names (JavaScript's default string
//   order), no whitespace;
// - strings as JSON.stringify writes them (", \, \b \t \n \f \r, other controls as \u00xx in
//   lower case, everything else as is); a lone surrogate (not valid Unicode, refused by the
//   server's canonicaliser as invalid UTF-8) throws;
// - numbers as Number.prototype.toString (JSON.stringify's form; -0 is 0); NaN and the
//   infinities throw (JSON has no such values).
// canonicalize(value) → string. Throws TypeError for undefined, functions, symbols, bigints,
// non-finite numbers and lone surrogates.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function string(s) {
  if (LONE_SURROGATE.test(s)) throw new TypeError('JCS: a string holds a lone surrogate (not valid Unicode)');
  return JSON.stringify(s);
}

export function canonicalize(value) {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`JCS: ${value} is not a JSON number`);
      return JSON.stringify(value); // Number.prototype.toString; -0 → "0"
    case 'string':
      return string(value);
    case 'object': {
      if (Array.isArray(value)) return '[' + value.map(canonicalize).join(',') + ']';
      const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
      return '{' + keys.map((k) => string(k) + ':' + canonicalize(value[k])).join(',') + '}';
    }
    default:
      throw new TypeError(`JCS: a ${typeof value} is not JSON`);
  }
}
