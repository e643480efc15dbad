// Fetch helpers for the page modules (ctx.api): JSON in, JSON out, the server's error text on
// failure. Only same-origin paths ("/v1/..."): the content-security policy refuses any other.

export class ApiError extends Error {
  constructor(message, status, body) {
    super(message);
    this.name = 'ApiError';
    this.status = status; // HTTP status, 0 when the server could not be reached
    this.body = body;     // the parsed error body, when JSON
  }
}

async function request(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(`${method} ${path}: the server cannot be reached (${e.message})`, 0);
  }
  const text = await res.text();
  let data;
  try {
    data = text === '' ? null : JSON.parse(text);
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const reason = data && typeof data.error === 'string' ? data.error : `HTTP ${res.status}`;
    throw new ApiError(reason, res.status, data);
  }
  if (data === undefined) throw new ApiError(`${method} ${path}: the answer is not JSON`, res.status);
  return data;
}

// api.get(path) → parsed JSON; throws ApiError(message = the server's "error" text).
// api.post(path, body) → parsed JSON; body: an object (sent as JSON) or a string (sent as is).
export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body),
};
