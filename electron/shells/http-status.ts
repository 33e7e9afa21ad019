// The HTTP status of a failed call in the browser shell, from its error code. The body is
// always the one error shape; the status lets HTTP clients, proxies and logs tell a refused
// request from a conflict or a broken server. SQLSTATEs follow PostgREST's table
// (https://docs.postgrest.org/en/stable/references/errors.html), so the same database error
// gets the same status through the browser shell as through Supabase's Data API.
// Never 401: the renderer reads 401 as "this page lost its session".

const BY_CODE: Record<string, number> = {
  // the request itself
  malformed_request: 400,
  malformed_url: 400,
  invalid_json: 400,
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  cross_origin: 403,
  not_found: 404,
  unknown_channel: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  misdirected_request: 421,
  renderer_not_built: 503,
  // what a handler reports
  secrets_read_only: 403,
  profile_read_only: 403,
  unsafe_url: 400,
  confirmation_required: 428,
  profile_name_taken: 409,
  profile_not_found: 404,
  job_not_found: 404,
  migration_not_found: 404,
  connection_failed: 503,
  network: 503,
  encryption_unavailable: 503,
  migrations_newer_in_database: 409,
  migrations_dir_missing: 500,
  glove_table_missing: 500,
  glove_table_invalid: 500,
  invalid_output: 500,
  internal: 500,
  PGRST202: 404,
  PGRST203: 500,
};

function sqlStateStatus(code: string): number {
  if (/^PT[45]\d{2}$/.test(code)) return Number(code.slice(2)); // raise ... using errcode = 'PT409'
  if (code === '23503' || code === '23505') return 409;
  if (code === '42501') return 403;
  if (code === '42883' || code === '42P01' || code === 'P0002') return 404;
  if (code === '25006') return 405;
  if (code === '40001') return 409; // serialization failure: retry
  if (code === '57014') return 504; // statement timeout
  const klass = code.slice(0, 2);
  if (klass === '08' || klass === '53') return 503;
  if (klass === '28' || klass === '0L' || klass === '0P') return 403;
  if (['09', '25', '2D', '38', '39', '3B', '40', '54', '55', '57', '58', 'F0', 'HV', 'XX'].includes(klass)) return 500;
  return 400; // data exceptions, constraint violations, P0001 (raise exception), …
}

export function httpStatusOf(code: string): number {
  const known = BY_CODE[code];
  if (known !== undefined) return known;
  if (/^[0-9A-Z]{5}$/.test(code)) return sqlStateStatus(code);
  // Any other code a service raises names a condition of the request or of the data it
  // refers to (a missing secret, an unknown operator, a malformed CSV): the caller's to fix.
  return 400;
}
