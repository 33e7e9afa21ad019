// Admin functions that exist only in test databases, to exercise every response and error shape.
export const ADMIN_TEST_FUNCTIONS = `
    create function public.admin_test_raise(p_reason text) returns jsonb language plpgsql set search_path = '' as $$
      begin raise exception 'Refused: %', p_reason using hint = 'Pick another reason.'; end $$;
    create function public.admin_test_duplicate() returns jsonb language plpgsql set search_path = '' as $$
      begin insert into public.categories (name, slug) values ('Science', 'science'); return '{}'::jsonb; end $$;
    create function public.admin_test_void() returns void language sql set search_path = '' as $$ select $$;
    create function public.admin_test_conflict() returns jsonb language plpgsql set search_path = '' as $$
      begin raise sqlstate 'PT409' using message = 'Changed by someone else'; end $$;
    create function public.admin_test_rows(p_limit int default 2) returns table (slug text) language sql stable set search_path = '' as $$
      select slug from public.categories order by display_order limit p_limit $$;
    create function public.admin_test_write() returns jsonb language plpgsql set search_path = '' as $$
      begin insert into public.tags (name, slug) values ('x', 'x'); return '{}'::jsonb; end $$;
    create function public.admin_test_write_in_stable() returns jsonb language plpgsql stable set search_path = '' as $$
      begin return public.admin_test_write(); end $$;
    create function public.admin_test_slow_write(p_ms int) returns jsonb language plpgsql set search_path = '' as $$
      begin insert into public.tags (name, slug) values ('slow write', 'slow-write'); perform pg_sleep(p_ms / 1000.0); return '{}'::jsonb; end $$;
    create function public.admin_test_slow_allowed(p_ms int) returns jsonb language plpgsql set search_path = '' set statement_timeout = '30s' as $$
      begin perform pg_sleep(p_ms / 1000.0); return '{"ok": true}'::jsonb; end $$;
    create function public.admin_test_series(p_n int) returns table (n int) language sql stable set search_path = '' as $$
      select g from generate_series(1, p_n) as g order by g $$;
    revoke execute on all functions in schema public from public, anon, authenticated;
    grant execute on all functions in schema public to service_role;
  `;
