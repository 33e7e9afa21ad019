// The admin gateway over a direct SQL connection (embedded PGlite or a Postgres URL).
// It calls a function the way PostgREST does — arguments unpacked from one JSON object by
// json_to_record, as service_role with its JWT claims, read-only for STABLE functions — so
// a function behaves the same here as through Supabase's Data API.
import { AdminError, toAdminError } from './admin-error';
import { ADMIN_FUNCTION_NAME, type AdminArgs, type AdminGateway } from './admin-gateway';
import { runScript, type SqlConnection } from './sql-connection';

type Signature = {
  args: { name: string; type: string; hasDefault: boolean }[];
  returnsSet: boolean;
  returnsVoid: boolean;
  /** Composite, TABLE or OUT parameters: rows become JSON objects, even with one column. */
  returnsRows: boolean;
  /**
   * One json or jsonb value: returned as it is (to_jsonb would copy a jsonb document once more,
   * or parse a json one into jsonb, only for the driver to parse it again).
   */
  returnsJson: boolean;
  readOnly: boolean;
};

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export class SqlAdminGateway implements AdminGateway {
  readonly backend: 'embedded' | 'postgres';
  private readonly signatures = new Map<string, Promise<Signature[]>>();

  constructor(
    readonly db: SqlConnection,
    private readonly ownsConnection = true,
  ) {
    this.backend = db.kind;
  }

  private loadSignatures(fn: string): Promise<Signature[]> {
    let cached = this.signatures.get(fn);
    if (!cached) {
      cached = this.db
        .query<{
          names: string[] | null;
          modes: string[] | null;
          types: string[];
          ndefaults: number;
          retset: boolean;
          rettype: string;
          typtype: string;
          volatile: string;
        }>(
          `select p.proargnames as names, p.proargmodes::text[] as modes,
                  array(select format_type(t, null) from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) as t) as types,
                  p.pronargdefaults::int as ndefaults, p.proretset as retset,
                  format_type(p.prorettype, null) as rettype, t.typtype::text as typtype, p.provolatile::text as volatile
             from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_type t on t.oid = p.prorettype
            where n.nspname = 'public' and p.proname = $1`,
          [fn],
        )
        .then((rows) =>
          rows.map((r) => {
            const inArgs = r.types
              .map((type, i) => ({ type, name: r.names?.[i] ?? '', mode: r.modes?.[i] ?? 'i' }))
              .filter((a) => a.mode === 'i' || a.mode === 'b' || a.mode === 'v');
            return {
              args: inArgs.map((a, i) => ({ name: a.name, type: a.type, hasDefault: i >= inArgs.length - r.ndefaults })),
              returnsSet: r.retset,
              returnsVoid: r.rettype === 'void',
              returnsRows: r.typtype === 'c' || r.rettype === 'record' || (r.modes ?? []).some((m) => m === 't' || m === 'o'),
              returnsJson: (r.rettype === 'jsonb' || r.rettype === 'json') && !(r.modes ?? []).some((m) => m === 't' || m === 'o'),
              readOnly: r.volatile !== 'v',
            };
          }),
        );
      // A missing function is looked up again next time (migrations may add it meanwhile).
      cached.then(
        (found) => found.length === 0 && this.signatures.delete(fn),
        () => this.signatures.delete(fn),
      );
      this.signatures.set(fn, cached);
    }
    return cached;
  }

  async call(fn: string, args: AdminArgs = {}): Promise<unknown> {
    if (!ADMIN_FUNCTION_NAME.test(fn)) {
      throw new AdminError({ code: 'invalid_function', message: `Not an admin function name: ${fn}` });
    }
    const keys = Object.keys(args);
    const candidates = (await this.loadSignatures(fn)).filter(
      (s) => s.args.every((a) => a.hasDefault || keys.includes(a.name)) && keys.every((k) => s.args.some((a) => a.name === k)),
    );
    if (candidates.length === 0) {
      throw new AdminError({
        code: 'PGRST202',
        message: `Could not find the function public.${fn}(${keys.sort().join(', ')}) in the schema cache`,
        hint: 'The database may be missing a migration: open Migrations and apply the pending ones.',
      });
    }
    if (candidates.length > 1) {
      throw new AdminError({ code: 'PGRST203', message: `Could not choose the best candidate function between several public.${fn} overloads` });
    }
    const sig = candidates[0]!;
    const used = sig.args.filter((a) => keys.includes(a.name));
    const call = `public.${quoteIdent(fn)}(${used.map((a) => `${quoteIdent(a.name)} := _.${quoteIdent(a.name)}`).join(', ')})`;
    const direct = used.length
      ? `json_to_record($1::text::json) as _(${used.map((a) => `${quoteIdent(a.name)} ${a.type}`).join(', ')}), lateral ${call} as r`
      : `${call} as r`;
    const from = sig.returnsRows ? `(select r.* from ${direct}) as r` : direct;
    const select = sig.returnsVoid
      ? `select null::jsonb as result from ${from}`
      : sig.returnsSet
        ? `select coalesce(jsonb_agg(to_jsonb(r)), '[]'::jsonb) as result from ${from}`
        : sig.returnsJson
          ? `select r as result from ${from}`
          : `select to_jsonb(r) as result from ${from}`;
    const claims = JSON.stringify({ role: 'service_role' });
    const setRole = "select set_config('role', 'service_role', true), set_config('request.jwt.claims', $1, true)";
    const callArgs = used.length ? [JSON.stringify(args)] : [];
    try {
      // One script (runScript in sql-connection.ts): on a server BEGIN (read only for a STABLE
      // function), the role and its claims, the call and COMMIT in one round trip; on the embedded
      // workspace one message to its worker, which holds the session only while the script runs.
      const rows = await runScript<{ result: unknown }>(
        this.db,
        [
          { text: setRole, params: [claims] },
          { text: select, params: callArgs },
        ],
        { readOnly: sig.readOnly },
      );
      return rows[0]?.result ?? null;
    } catch (e) {
      throw toAdminError(e);
    }
  }

  reloadSchema(): void {
    this.signatures.clear();
  }

  async close(): Promise<void> {
    if (this.ownsConnection) await this.db.close();
  }
}
