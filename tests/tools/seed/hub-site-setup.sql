-- What a hub holds after its administrator set it up in the GUI, before any VM is onboarded: backup repositories,
-- a backup policy and replication schedules. The lab and the guides' runs load it (New-RigHubDatabase -SiteSetup)
-- so that protection flows and scheduled groups can be shown; the module only reads these tables.
-- Ids and values in the forms the hub's own API writes (repo-<type>-<unix time>, uuid() schedules).
INSERT INTO backup_repositories (id, name, repository_type, enabled, config, total_size_bytes, used_size_bytes, available_size_bytes, last_check_at)
VALUES
  ('repo-local-1759780081', 'Local backups', 'local', 1, '{"path":"/var/lib/sendense/backups"}', 4398046511104, 1099511627776, 3298534883328, NOW()),
  ('repo-nfs-1759780190', 'NFS archive', 'nfs', 1, '{"server":"nas01.example.com","export":"/exports/sendense"}', 17592186044416, 2199023255552, 15393162788864, NOW()),
  ('repo-s3-1759780255', 'Offsite S3 (retired)', 's3', 0, '{"bucket":"sendense-offsite","region":"eu-west-1"}', 0, 0, 0, NULL);

INSERT INTO backup_policies (id, name, enabled, primary_repository_id, retention_days)
VALUES
  ('policy-daily-30', 'Daily, 30 days', 1, 'repo-local-1759780081', 30),
  ('policy-weekly-365', 'Weekly, one year', 1, 'repo-nfs-1759780190', 365);

INSERT INTO replication_schedules (name, description, cron_expression, timezone, created_by)
VALUES
  ('Nightly', 'Every night at 01:30', '30 1 * * *', 'UTC', 'admin'),
  ('Hourly', 'Every hour', '0 * * * *', 'UTC', 'admin');
