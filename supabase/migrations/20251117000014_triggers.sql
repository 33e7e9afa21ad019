-- Every trigger, after the declarations of the trigger functions they run (all in schema
-- private, declared in supabase/schemas/<domain>/<function>.sql). PostgreSQL checks neither
-- EXECUTE nor schema USAGE when a trigger fires, so they run for every writer although no API
-- role may call them.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

-- The plan's triggers: updated_at maintenance and comment vote counters.
-- (videos: updated_at is stamped by videos_before_write, below, in the same call as moderation.)
create trigger update_users_updated_at before update on public.users
  for each row execute function private.update_updated_at_column();

create trigger update_video_contexts_updated_at before update on public.video_contexts
  for each row execute function private.update_updated_at_column();

-- fix: three more tables carry updated_at that the plan never maintained.
create trigger update_collections_updated_at before update on public.collections
  for each row execute function private.update_updated_at_column();

create trigger update_user_video_activity_updated_at before update on public.user_video_activity
  for each row execute function private.update_updated_at_column();

create trigger update_video_embeddings_updated_at before update on public.video_embeddings
  for each row execute function private.update_updated_at_column();

create trigger comment_vote_count_trigger
  after insert or update or delete on public.comment_votes
  for each row execute function private.update_comment_vote_count();

-- Moderation. Every write to videos goes through one row trigger: refused transitions raise,
-- is_approved always follows moderation_status, and updated_at is stamped (one trigger call per
-- row instead of two: bulk moderation of a thousand rows spends most of its time in them).
create trigger videos_before_write
  before insert or update on public.videos
  for each row execute function private.videos_before_write();

create trigger video_status_counts_insert after insert on public.videos
  referencing new table as new_rows for each statement execute function private.maintain_video_status_counts();
create trigger video_status_counts_update after update on public.videos
  referencing old table as old_rows new table as new_rows for each statement execute function private.maintain_video_status_counts();
create trigger video_status_counts_delete after delete on public.videos
  referencing old table as old_rows for each statement execute function private.maintain_video_status_counts();
create trigger video_status_counts_truncate after truncate on public.videos
  for each statement execute function private.maintain_video_status_counts();

create trigger moderation_audit_log_no_update_delete
  before update or delete on public.moderation_audit_log
  for each row execute function private.audit_log_is_append_only();
create trigger moderation_audit_log_no_truncate
  before truncate on public.moderation_audit_log
  for each statement execute function private.audit_log_is_append_only();

create trigger maintain_video_open_report_count
  after insert or update of status, video_id or delete on public.reports
  for each row execute function private.maintain_video_open_report_count();

create trigger update_rejection_reasons_updated_at before update on public.rejection_reasons
  for each row execute function private.update_updated_at_column();

-- Taxonomy: versions, an acyclic tree with a built-in root filter, usage counts, append-only audit.
create trigger update_categories_updated_at before update on public.categories
  for each row execute function private.update_updated_at_column();
create trigger update_tags_updated_at before update on public.tags
  for each row execute function private.update_updated_at_column();

create trigger categories_refuse_cycles
  before insert or update of parent_id on public.categories
  for each row execute function private.categories_refuse_cycles();

create trigger categories_protect_all
  before update or delete on public.categories
  for each row execute function private.categories_protect_all();

create trigger tag_video_count_insert after insert on public.video_tags
  referencing new table as new_rows for each statement execute function private.maintain_tag_video_count();
create trigger tag_video_count_update after update on public.video_tags
  referencing old table as old_rows new table as new_rows for each statement execute function private.maintain_tag_video_count();
create trigger tag_video_count_delete after delete on public.video_tags
  referencing old table as old_rows for each statement execute function private.maintain_tag_video_count();

create trigger taxonomy_audit_log_no_update_delete
  before update or delete on public.taxonomy_audit_log
  for each row execute function private.audit_log_is_append_only();
create trigger taxonomy_audit_log_no_truncate
  before truncate on public.taxonomy_audit_log
  for each statement execute function private.audit_log_is_append_only();

-- Reference graph: prerequisite and sequel links never loop; append-only audit.
create trigger video_references_refuse_cycles
  before insert or update on public.video_references
  for each row execute function private.video_references_refuse_cycles();

create trigger reference_audit_log_no_update_delete
  before update or delete on public.reference_audit_log
  for each row execute function private.audit_log_is_append_only();
create trigger reference_audit_log_no_truncate
  before truncate on public.reference_audit_log
  for each statement execute function private.audit_log_is_append_only();

-- Embedding backfills.
create trigger update_embedding_jobs_updated_at before update on public.embedding_jobs
  for each row execute function private.update_updated_at_column();
