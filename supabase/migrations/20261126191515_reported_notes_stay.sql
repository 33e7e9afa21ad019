-- A reported context note stays until a moderator has decided: its author's delete would take the
-- open reports with it (reports.context_id is on delete cascade). The trigger function is declared
-- in supabase/schemas/moderation/video_contexts_before_delete.sql (previous migration).

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create trigger video_contexts_before_delete before delete on public.video_contexts
  for each row execute function private.video_contexts_before_delete();
