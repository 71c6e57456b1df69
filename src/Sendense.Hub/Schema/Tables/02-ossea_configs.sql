-- The hub's `ossea_configs` table as upstream's schema (production dump 2025-10-04 + later migrations) defines it.
-- Created only when absent; MariaDB >= 10.4 syntax (uuid() defaults, UNIQUE ... USING HASH, CHECK json_valid).
CREATE TABLE IF NOT EXISTS `ossea_configs` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `name` longtext NOT NULL,
  `api_url` longtext NOT NULL,
  `api_key` longtext NOT NULL,
  `secret_key` longtext NOT NULL,
  `domain` longtext DEFAULT NULL,
  `zone` longtext NOT NULL,
  `template_id` longtext DEFAULT NULL,
  `network_id` longtext DEFAULT NULL,
  `service_offering_id` longtext DEFAULT NULL,
  `disk_offering_id` longtext DEFAULT NULL,
  `oma_vm_id` longtext DEFAULT NULL,
  `created_at` datetime(3) DEFAULT NULL,
  `updated_at` datetime(3) DEFAULT NULL,
  `is_active` tinyint(1) DEFAULT 1,
  PRIMARY KEY (`id`),
  UNIQUE KEY `idx_ossea_configs_name` (`name`) USING HASH
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
