-- The hub's `replication_schedules` table as upstream's schema (production dump 2025-10-04 + later migrations) defines it.
-- Created only when absent; MariaDB >= 10.4 syntax (uuid() defaults, UNIQUE ... USING HASH, CHECK json_valid).
CREATE TABLE IF NOT EXISTS `replication_schedules` (
  `id` varchar(64) NOT NULL DEFAULT uuid(),
  `name` varchar(255) NOT NULL,
  `description` text DEFAULT NULL,
  `cron_expression` varchar(100) NOT NULL COMMENT 'Cron expression for schedule timing (e.g., "0 2 * * *" for daily 2 AM)',
  `schedule_type` enum('cron','chain') NOT NULL DEFAULT 'cron',
  `timezone` varchar(50) DEFAULT 'UTC' COMMENT 'Timezone for cron expression',
  `chain_parent_schedule_id` varchar(64) DEFAULT NULL COMMENT 'Parent schedule for chain dependency',
  `chain_delay_minutes` int(11) DEFAULT 0 COMMENT 'Minutes to wait after parent completion',
  `replication_type` enum('full','incremental','auto') DEFAULT 'auto' COMMENT 'Type of replication for scheduled jobs',
  `max_concurrent_jobs` int(11) DEFAULT 1 COMMENT 'Maximum number of concurrent jobs from this schedule',
  `retry_attempts` int(11) DEFAULT 3 COMMENT 'Number of retry attempts for failed jobs',
  `retry_delay_minutes` int(11) DEFAULT 30 COMMENT 'Minutes between retry attempts',
  `enabled` tinyint(1) DEFAULT 1 COMMENT 'Whether this schedule is active',
  `skip_if_running` tinyint(1) DEFAULT 1 COMMENT 'Skip execution if jobs from this schedule are still running',
  `created_at` timestamp NULL DEFAULT current_timestamp(),
  `updated_at` timestamp NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  `created_by` varchar(255) DEFAULT 'system',
  PRIMARY KEY (`id`),
  UNIQUE KEY `name` (`name`),
  KEY `idx_replication_schedules_enabled` (`enabled`),
  KEY `idx_replication_schedules_name` (`name`),
  KEY `idx_replication_schedules_type` (`schedule_type`),
  KEY `idx_replication_schedules_parent` (`chain_parent_schedule_id`),
  CONSTRAINT `replication_schedules_ibfk_1` FOREIGN KEY (`chain_parent_schedule_id`) REFERENCES `replication_schedules` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
