using MySqlConnector;
using Sendense.Core.Flows;

namespace Sendense.Hub.Flows;

/// <summary>
/// The protection facts of every VM context as two derived tables, joined to alias c by the VM listing and the
/// summary: <c>pr</c>, the paths that reach each VM (one short code per distinct path, and the flows' names), and
/// <c>lb</c>, its newest completed backup and the status of its newest backup job. Every comparison of a flow column
/// to another table's column carries COLLATE utf8mb4_general_ci (contract §1.5: protection_flows is
/// utf8mb4_unicode_ci, so a plain join fails with error 1267). The status rule itself is not here: the codes go to
/// <see cref="ProtectionStatusRule"/> as <see cref="ProtectionPath"/>s.
/// </summary>
internal static class ProtectionSql
{
    /// <summary>The columns, over pr and lb: codes, flow names, last completed backup, last backup status.</summary>
    internal const string Columns = "pr.codes, pr.flows, lb.last_completed, lb.last_status";

    /// <summary>Number of <see cref="Columns"/>.</summary>
    internal const int Count = 4;

    /// <summary>Separates flow names in pr.flows (flow names the module writes hold no control character).</summary>
    private const char NameSeparator = '\u001F';

    // Codes: 'v' direct flow + backup, flow enabled, repository enabled; 'g' group flow + the same + membership enabled;
    // 's' membership + membership enabled, schedule enabled. A NULL switch reads as off, as the hub's Go code reads it.
    private const string FlowBranches = @"
    SELECT pf.target_id COLLATE utf8mb4_general_ci AS ctx,
      CONCAT('v', pf.flow_type = 'backup', COALESCE(pf.enabled <> 0, 0), COALESCE(r.enabled <> 0, 0)) AS code,
      pf.name COLLATE utf8mb4_general_ci AS flow
    FROM protection_flows pf
    LEFT JOIN backup_repositories r ON r.id = pf.repository_id COLLATE utf8mb4_general_ci
    WHERE pf.target_type = 'vm'
    UNION ALL
    SELECT m.vm_context_id,
      CONCAT('g', pf.flow_type = 'backup', COALESCE(pf.enabled <> 0, 0), COALESCE(r.enabled <> 0, 0), COALESCE(m.enabled <> 0, 0)),
      pf.name COLLATE utf8mb4_general_ci
    FROM protection_flows pf
    JOIN vm_group_memberships m ON m.group_id = pf.target_id COLLATE utf8mb4_general_ci
    LEFT JOIN backup_repositories r ON r.id = pf.repository_id COLLATE utf8mb4_general_ci
    WHERE pf.target_type = 'group'
    UNION ALL";

    private const string MembershipBranch = @"
    SELECT m.vm_context_id AS ctx, CONCAT('s', COALESCE(m.enabled <> 0, 0), COALESCE(s.enabled <> 0, 0)) AS code, NULL AS flow
    FROM vm_group_memberships m
    JOIN vm_machine_groups g ON g.id = m.group_id
    LEFT JOIN replication_schedules s ON s.id = g.schedule_id";

    private const string LastBackup = @" LEFT JOIN (SELECT b.vm_context_id AS ctx,
    MAX(CASE WHEN b.status = 'completed' THEN COALESCE(b.completed_at, b.created_at) END) AS last_completed,
    SUBSTRING_INDEX(GROUP_CONCAT(b.status ORDER BY b.created_at DESC, b.id DESC), ',', 1) AS last_status
  FROM backup_jobs b WHERE b.id NOT LIKE '%-disk%' GROUP BY b.vm_context_id) lb ON lb.ctx = c.context_id";

    private const string NoLastBackup = " LEFT JOIN (SELECT NULL AS ctx, NULL AS last_completed, NULL AS last_status) lb ON FALSE";

    /// <summary>The LEFT JOINs that make pr and lb, for the tables the hub has.</summary>
    internal static string Joins(FlowTables tables) =>
        " LEFT JOIN (SELECT p.ctx, GROUP_CONCAT(DISTINCT p.code) AS codes, " +
        "GROUP_CONCAT(DISTINCT p.flow ORDER BY p.flow SEPARATOR 0x1F) AS flows FROM (" +
        (tables.HasFlows ? FlowBranches : string.Empty) + MembershipBranch + ") p GROUP BY p.ctx) pr ON pr.ctx = c.context_id" +
        (tables.BackupJobs ? LastBackup : NoLastBackup);

    /// <summary>Reads the columns at <paramref name="ordinal"/> into the VM.</summary>
    internal static void Read(VM vm, MySqlDataReader reader, int ordinal)
    {
        vm.ProtectionPaths = Paths(reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal));
        if (!reader.IsDBNull(ordinal + 1))
        {
            vm.Flows = reader.GetString(ordinal + 1).Split(NameSeparator);
        }

        vm.LastBackup = reader.IsDBNull(ordinal + 2) ? null : reader.GetDateTime(ordinal + 2);
        vm.LastBackupStatus = reader.IsDBNull(ordinal + 3) ? null : reader.GetString(ordinal + 3);
    }

    /// <summary>The paths of a comma-separated list of codes.</summary>
    internal static IReadOnlyList<ProtectionPath> Paths(string? codes)
    {
        if (string.IsNullOrEmpty(codes))
        {
            return Array.Empty<ProtectionPath>();
        }

        var paths = new List<ProtectionPath>();
        foreach (string code in codes!.Split(','))
        {
            bool On(int i) => code.Length > i && code[i] == '1';
            switch (code[0])
            {
                case 'v':
                    paths.Add(ProtectionPath.Direct(flowEnabled: On(2), repositoryEnabled: On(3), isBackup: On(1)));
                    break;
                case 'g':
                    paths.Add(ProtectionPath.ThroughGroup(flowEnabled: On(2), repositoryEnabled: On(3), membershipEnabled: On(4), isBackup: On(1)));
                    break;
                case 's':
                    paths.Add(ProtectionPath.Membership(membershipEnabled: On(1), scheduleEnabled: On(2)));
                    break;
            }
        }

        return paths;
    }
}
