-- The hub's `vm_group_memberships` table as upstream's schema (production dump 2025-10-04 + later migrations) defines it.
-- Created only when absent; MariaDB >= 10.4 syntax (uuid() defaults, UNIQUE ... USING HASH, CHECK json_valid).
CREATE TABLE IF NOT EXISTS `vm_group_memberships` (
  `id` varchar(64) NOT NULL DEFAULT uuid(),
  `group_id` varchar(64) NOT NULL,
  `vm_context_id` varchar(64) NOT NULL COMMENT 'References vm_replication_contexts.context_id',
  `enabled` tinyint(1) DEFAULT 1 COMMENT 'Whether this VM participates in scheduled replications',
  `priority` int(11) DEFAULT 0 COMMENT 'VM priority within group (lower number = higher priority)',
  `schedule_override_id` varchar(64) DEFAULT NULL COMMENT 'Optional override schedule for this specific VM',
  `added_at` timestamp NULL DEFAULT current_timestamp(),
  `added_by` varchar(255) DEFAULT 'system',
  PRIMARY KEY (`id`),
  UNIQUE KEY `unique_vm_group` (`group_id`,`vm_context_id`),
  KEY `schedule_override_id` (`schedule_override_id`),
  KEY `idx_vm_group_memberships_group` (`group_id`),
  KEY `idx_vm_group_memberships_vm` (`vm_context_id`),
  KEY `idx_vm_group_memberships_enabled` (`enabled`),
  KEY `idx_vm_group_memberships_priority` (`priority`),
  CONSTRAINT `vm_group_memberships_ibfk_1` FOREIGN KEY (`group_id`) REFERENCES `vm_machine_groups` (`id`) ON DELETE CASCADE,
  CONSTRAINT `vm_group_memberships_ibfk_2` FOREIGN KEY (`vm_context_id`) REFERENCES `vm_replication_contexts` (`context_id`) ON DELETE CASCADE,
  CONSTRAINT `vm_group_memberships_ibfk_3` FOREIGN KEY (`schedule_override_id`) REFERENCES `replication_schedules` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
