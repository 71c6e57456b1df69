-- The hub's `vm_machine_groups` table as upstream's schema (production dump 2025-10-04 + later migrations) defines it.
-- Created only when absent; MariaDB >= 10.4 syntax (uuid() defaults, UNIQUE ... USING HASH, CHECK json_valid).
CREATE TABLE IF NOT EXISTS `vm_machine_groups` (
  `id` varchar(64) NOT NULL DEFAULT uuid(),
  `name` varchar(255) NOT NULL,
  `description` text DEFAULT NULL,
  `schedule_id` varchar(64) DEFAULT NULL COMMENT 'Default schedule for this group',
  `max_concurrent_vms` int(11) DEFAULT 5 COMMENT 'Maximum VMs to process concurrently in this group',
  `priority` int(11) DEFAULT 0 COMMENT 'Group priority (lower number = higher priority)',
  `created_at` timestamp NULL DEFAULT current_timestamp(),
  `updated_at` timestamp NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  `created_by` varchar(255) DEFAULT 'system',
  PRIMARY KEY (`id`),
  UNIQUE KEY `name` (`name`),
  KEY `idx_vm_machine_groups_name` (`name`),
  KEY `idx_vm_machine_groups_schedule` (`schedule_id`),
  KEY `idx_vm_machine_groups_priority` (`priority`),
  CONSTRAINT `vm_machine_groups_ibfk_1` FOREIGN KEY (`schedule_id`) REFERENCES `replication_schedules` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
