// What the browser shell reads as JSON, and the HTTP status each failure carries.
import { describe, expect, it } from 'vitest';
import { isJsonContentType } from '../../electron/shells/browser-server';
import { httpStatusOf } from '../../electron/shells/http-status';

describe('the JSON content type', () => {
  it('is application/json, with an optional utf-8 charset, in any case', () => {
    for (const t of ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON;CHARSET=UTF-8', 'application/json; charset="utf-8"'])
      expect(isJsonContentType(t)).toBe(true);
  });

  it('is not application/jsonp, a +json type, another charset, another parameter, or nothing', () => {
    for (const t of [
      undefined,
      '',
      'application/jsonp',
      'application/json-seq',
      'application/merge-patch+json',
      'text/json',
      'application/json; charset=utf-16',
      'application/json; boundary=x',
      'application/jsonx; charset=utf-8',
      'text/plain',
    ]) {
      expect(isJsonContentType(t)).toBe(false);
    }
  });
});

describe('the HTTP status of a failure', () => {
  it("follows the request's fault for the shell's own refusals", () => {
    expect(httpStatusOf('invalid_input')).toBe(400);
    expect(httpStatusOf('invalid_json')).toBe(400);
    expect(httpStatusOf('unknown_channel')).toBe(404);
    expect(httpStatusOf('payload_too_large')).toBe(413);
    expect(httpStatusOf('unsupported_media_type')).toBe(415);
  });

  it('follows PostgREST for SQLSTATEs, so both shells and the Data API agree', () => {
    expect(httpStatusOf('PT409')).toBe(409); // raise ... using errcode = 'PT409': a stale action
    expect(httpStatusOf('23505')).toBe(409);
    expect(httpStatusOf('22023')).toBe(400);
    expect(httpStatusOf('23514')).toBe(400);
    expect(httpStatusOf('P0002')).toBe(404);
    expect(httpStatusOf('42501')).toBe(403);
    expect(httpStatusOf('0A000')).toBe(400);
    expect(httpStatusOf('08006')).toBe(503);
    expect(httpStatusOf('XX000')).toBe(500);
    expect(httpStatusOf('PT999')).toBe(400); // not a status: the default, never an invalid one
  });

  it("keeps server faults and unreachable backends apart from the caller's mistakes", () => {
    expect(httpStatusOf('internal')).toBe(500);
    expect(httpStatusOf('invalid_output')).toBe(500);
    expect(httpStatusOf('connection_failed')).toBe(503);
    expect(httpStatusOf('secrets_read_only')).toBe(403);
    expect(httpStatusOf('profile_name_taken')).toBe(409);
    expect(httpStatusOf('operator_missing')).toBe(400);
  });
});
