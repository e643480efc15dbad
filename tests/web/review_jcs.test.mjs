// The review page's canonical JSON and signing (web/src/jcs.js, web/src/sign.js), in node (no
// browser): RFC 8785's own examples and the ECMAScript number cases that
// tests/ledger/canonical_test.cpp pins for the C++ side (the two must agree byte for byte, or
// a decision signed in the browser would not verify), and an entry signed by signEntry
// verifies over "truceline-ledger-entry-v1\n" + its canonical JSON with the key's public half.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webcrypto, createPublicKey, verify } from 'node:crypto';
import { canonicalize } from '../../web/src/jcs.js';
import { ENTRY_DOMAIN, makeEntry, signEntry } from '../../web/src/sign.js';

test('RFC 8785 §3.2.2 sample', () => {
  const input = JSON.parse(`{
    "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
    "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
    "literals": [null, true, false]
  }`);
  assert.equal(
    canonicalize(input),
    '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
  );
});

test('numbers as the C++ side writes them', () => {
  const cases = [
    ['333333333.33333329', '333333333.3333333'], ['1E30', '1e+30'], ['4.50', '4.5'], ['2e-3', '0.002'],
    ['0.000001', '0.000001'], ['1e-7', '1e-7'], ['-0.0', '0'], ['-1.5', '-1.5'], ['1e21', '1e+21'],
    ['1e20', '100000000000000000000'], ['123e-20', '1.23e-18'], ['5e-324', '5e-324'],
    ['1.7976931348623157e308', '1.7976931348623157e+308'], ['0.30000000000000004', '0.30000000000000004'],
    ['9007199254740993', '9007199254740992'],
  ];
  for (const [text, expected] of cases) assert.equal(canonicalize(JSON.parse(text)), expected, text);
  assert.throws(() => canonicalize(NaN), TypeError);
  assert.throws(() => canonicalize(Infinity), TypeError);
});

test('keys by UTF-16 code units; escapes; lone surrogates refused', () => {
  const input = { '\u20ac': 1, '\r': 2, '\ufb33': 3, 1: 4, '\ud83d\ude00': 5, '\u0080': 6, '\u00f6': 7 };
  assert.equal(canonicalize(input), '{"\\r":2,"1":4,"\u0080":6,"ö":7,"€":1,"😀":5,"\ufb33":3}');
  assert.equal(canonicalize('a\u0001\u001f\u007f\b\f\n\r\t"\\/\u2028'), '"a\\u0001\\u001f\u007f\\b\\f\\n\\r\\t\\"\\\\/\u2028"');
  assert.throws(() => canonicalize('\ud800'), TypeError);
  assert.throws(() => canonicalize({ a: undefined, b: () => 1 }), TypeError);
  assert.equal(canonicalize({ b: [], a: {} }), '{"a":{},"b":[]}');
});

test('an entry signed by signEntry verifies over the domain prefix and its canonical JSON', async () => {
  globalThis.crypto ??= webcrypto;
  const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  const entry = makeEntry('jmm', 'review', null, { candidate: 'c0123456789abcdef0123', decision: 'reject', reason: 'non è vero — لا' }, new Date(Date.UTC(2018, 10, 24, 10, 0, 0, 500)));
  assert.equal(entry.timestamp, '2018-11-24T10:00:00Z');
  assert.equal(Buffer.from(entry.nonce, 'base64').length, 16);
  const env = await signEntry(entry, pair.privateKey);
  assert.deepEqual(Object.keys(env).sort(), ['entry', 'signature']);
  const sig = Buffer.from(env.signature, 'base64');
  assert.equal(sig.length, 64);
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const pub = createPublicKey({ key: jwk, format: 'jwk' });
  assert.ok(verify(null, Buffer.from(ENTRY_DOMAIN + canonicalize(entry), 'utf8'), pub, sig));
  assert.ok(!verify(null, Buffer.from(canonicalize(entry), 'utf8'), pub, sig), 'not without the domain prefix');
});
