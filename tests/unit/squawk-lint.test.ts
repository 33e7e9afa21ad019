// The shipped migrations pass squawk with only the exceptions justified in .squawk.toml.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('squawk', () => {
  it('finds no problem in supabase/migrations', () => {
    const files = readdirSync(path.join(root, 'supabase', 'migrations'))
      .filter((f) => f.endsWith('.sql'))
      .map((f) => path.join('supabase', 'migrations', f));
    let output: string;
    let status = 0;
    try {
      output = execFileSync(path.join(root, 'node_modules', '.bin', 'squawk'), ['--config', '.squawk.toml', '--reporter', 'gcc', ...files], {
        cwd: root,
        encoding: 'utf8',
      });
    } catch (e) {
      const err = e as { stdout?: string; status?: number };
      output = err.stdout ?? '';
      status = err.status ?? 1;
    }
    expect(output.split('\n').filter((l) => /warning|error/.test(l))).toEqual([]);
    expect(status).toBe(0);
  });
});
