-- The hub's `vmware_credentials` table as upstream's schema (production dump 2025-10-04 + later migrations) defines it.
-- Created only when absent; MariaDB >= 10.4 syntax (uuid() defaults, UNIQUE ... USING HASH, CHECK json_valid).
CREATE TABLE IF NOT EXISTS `vmware_credentials` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `credential_name` varchar(255) NOT NULL COMMENT 'Human-readable name (e.g., Production-vCenter, Dev-vCenter)',
  `vcenter_host` varchar(255) NOT NULL COMMENT 'vCenter hostname or IP address',
  `username` varchar(255) NOT NULL COMMENT 'vCenter username (e.g., administrator@vsphere.local)',
  `password_encrypted` text NOT NULL COMMENT 'AES-256 encrypted password',
  `datacenter` varchar(255) NOT NULL COMMENT 'Default datacenter name for this vCenter',
  `is_active` tinyint(1) DEFAULT 1 COMMENT 'Enable/disable this credential set',
  `is_default` tinyint(1) DEFAULT 0 COMMENT 'Default credential set for operations',
  `created_at` timestamp NULL DEFAULT current_timestamp(),
  `updated_at` timestamp NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  `created_by` varchar(255) DEFAULT NULL COMMENT 'User who created this credential set',
  `last_used` timestamp NULL DEFAULT NULL COMMENT 'Last time these credentials were used in operations',
  `usage_count` int(11) DEFAULT 0 COMMENT 'Number of times credentials have been used',
  PRIMARY KEY (`id`),
  UNIQUE KEY `credential_name` (`credential_name`),
  KEY `idx_vmware_creds_active` (`is_active`),
  KEY `idx_vmware_creds_default` (`is_default`),
  KEY `idx_vmware_creds_host` (`vcenter_host`),
  KEY `idx_vmware_creds_last_used` (`last_used`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='Centralized VMware vCenter credential management'
