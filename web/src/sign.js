// Signing ledger entries in the browser (docs/ledger.md "Entry"; the C++ side is
// src/truceline/ledger/entry.cpp). The reviewer's key file — the JSON Web Key (RFC 8037) that
// `truceline keygen` writes — is read in the page (FileReader) and imported with WebCrypto as
// a non-extractable Ed25519 signing key: it never leaves the browser, and the server, which
// only ever sees the signed envelope, cannot forge a decision.
//
// readKeyFile(file) → {party, key (CryptoKey), x}; throws Error naming what is wrong.
// makeEntry(party, type, ref, body, now?) → the entry (timestamp YYYY-MM-DDTHH:MM:SSZ UTC, nonce
//   the standard base64 of 16 random bytes).
// signEntry(entry, key) → {entry, signature}: Ed25519 over
//   "truceline-ledger-entry-v1\n" + canonicalize(entry) (RFC 8785), signature in standard base64.
import { canonicalize } from './jcs.js';

export const ENTRY_DOMAIN = 'truceline-ledger-entry-v1\n';

export function base64(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s);
}

function base64urlBytes(text) {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const b = text.replace(/-/g, '+').replace(/_/g, '/');
  try {
    return Uint8Array.from(atob(b + '='.repeat((4 - (b.length % 4)) % 4)), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

function readText(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(new Error(`${file.name}: cannot be read (${reader.error && reader.error.message})`));
    reader.readAsText(file);
  });
}

// The key file's JWK, checked as `truceline` checks it (ledger/crypto.cpp read_key_file).
export async function readKeyFile(file) {
  const text = await readText(file);
  let jwk;
  try {
    jwk = JSON.parse(text);
  } catch {
    throw new Error(`${file.name}: key file: not JSON (expected the file truceline keygen writes)`);
  }
  if (!jwk || typeof jwk !== 'object') throw new Error(`${file.name}: key file: not a JSON object`);
  if (jwk.kty !== 'OKP') throw new Error(`${file.name}: key file: kty: must be "OKP"`);
  if (jwk.crv !== 'Ed25519') throw new Error(`${file.name}: key file: crv: must be "Ed25519"`);
  if (typeof jwk.kid !== 'string' || jwk.kid === '') throw new Error(`${file.name}: key file: kid: the party id is missing`);
  const d = base64urlBytes(jwk.d);
  if (!d || d.length !== 32) throw new Error(`${file.name}: key file: d: not 32 bytes of base64url (no padding)`);
  const x = base64urlBytes(jwk.x);
  if (!x || x.length !== 32) throw new Error(`${file.name}: key file: x: not 32 bytes of base64url (no padding)`);
  let key;
  try {
    key = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', d: jwk.d, x: jwk.x }, { name: 'Ed25519' }, false, ['sign']);
  } catch (e) {
    throw new Error(`${file.name}: key file: the browser refused the key (${e.message}): x must match d`);
  }
  return { party: jwk.kid, key, x: jwk.x };
}

// YYYY-MM-DDTHH:MM:SSZ (whole seconds, UTC), as the server requires.
export function utcTimestamp(date = new Date()) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function makeEntry(party, type, ref, body, now = new Date()) {
  return {
    party,
    type,
    ref: ref === undefined ? null : ref,
    body,
    timestamp: utcTimestamp(now),
    nonce: base64(crypto.getRandomValues(new Uint8Array(16))),
  };
}

export async function signEntry(entry, key) {
  const message = new TextEncoder().encode(ENTRY_DOMAIN + canonicalize(entry));
  const signature = await crypto.subtle.sign({ name: 'Ed25519' }, key, message);
  return { entry, signature: base64(signature) };
}
