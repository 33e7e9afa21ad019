import { describe, expect, it } from 'vitest';
import { normalizeSql, splitSqlStatements } from '../../electron/services/migrations/split-sql';

describe('splitSqlStatements', () => {
  it('splits on semicolons and drops them', () => {
    expect(splitSqlStatements('select 1;\nselect 2;')).toEqual(['select 1', 'select 2']);
  });

  it('keeps semicolons inside strings, identifiers, comments and dollar-quoted bodies', () => {
    const sql = `insert into t values ('a;b', E'c\\';d');
      select "we;ird" from x; -- trailing; comment
      /* block; /* nested; */ still; */ select 3;
      create function f() returns int language plpgsql as $body$ begin return 1; end $body$;
      do $$ begin perform 1; end $$;`;
    const statements = splitSqlStatements(sql);
    expect(statements).toHaveLength(5);
    expect(statements[0]).toBe("insert into t values ('a;b', E'c\\';d')");
    expect(statements[3]).toContain('begin return 1; end $body$');
    expect(statements[4]).toBe('do $$ begin perform 1; end $$');
  });

  it('handles nested dollar quotes with different tags', () => {
    const sql = 'do $outer$ begin execute $fn$ select 1; $fn$; end $outer$; select 2';
    expect(splitSqlStatements(sql)).toEqual(['do $outer$ begin execute $fn$ select 1; $fn$; end $outer$', 'select 2']);
  });

  it('does not treat a positional parameter as a dollar quote', () => {
    expect(splitSqlStatements('select $1; select $2')).toEqual(['select $1', 'select $2']);
  });

  it('skips comment-only and empty statements', () => {
    expect(splitSqlStatements('-- header\n;\n/* nothing */;select 1')).toEqual(['select 1']);
  });
});

describe('normalizeSql', () => {
  it('ignores comments and whitespace but not string contents', () => {
    expect(normalizeSql('-- c\nselect   1,\n  2 /* x */')).toBe('select 1, 2');
    expect(normalizeSql("select 'a  b'")).not.toBe(normalizeSql("select 'a b'"));
  });
});
