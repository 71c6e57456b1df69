using MySqlConnector;
using Sendense.Core.Flows;

namespace Sendense.Hub.Flows;

/// <summary>
/// The protection facts of every VM context, a statement of its own in the VM listing's and the summary's command:
/// the distinct paths that reach each VM as one bit each (kind and switches numbered 0-27, folded
/// with BIT_OR: no sort, no DISTINCT), its newest completed backup and the status of its newest backup job. The flow
/// names come in a second statement of the same command (<see cref="NamesSelect"/>). Every comparison of a flow
/// column to another table's column carries COLLATE utf8mb4_general_ci (contract §1.5: protection_flows is
/// utf8mb4_unicode_ci, so a plain join fails with error 1267).
/// The status rule itself is not here: the bits go to <see cref="ProtectionStatusRule"/> as <see cref="ProtectionPath"/>s.
/// </summary>
internal static class ProtectionSql
{
    // Bits 0-7: direct flow, (backup, flow enabled, repository enabled) as a 3-bit number. Bits 8-23: group flow, the
    // same and membership enabled. Bits 24-27: membership, (membership enabled, schedule enabled). A NULL switch reads
    // as off, as the hub's Go code reads it. A VM reaches a flow at most once (a VM is in a group once), so names need
    // no DISTINCT; they are sorted in memory.
    private const string On = "COALESCE({0} <> 0, 0)";

    private static readonly string Direct =
        $"1 << ((pf.flow_type = 'backup') * 4 + {string.Format(CultureInfo.InvariantCulture, On, "pf.enabled")} * 2 + {string.Format(CultureInfo.InvariantCulture, On, "r.enabled")})";

    private static readonly string ThroughGroup =
        $"1 << (8 + (pf.flow_type = 'backup') * 8 + {string.Format(CultureInfo.InvariantCulture, On, "pf.enabled")} * 4 + " +
        $"{string.Format(CultureInfo.InvariantCulture, On, "r.enabled")} * 2 + {string.Format(CultureInfo.InvariantCulture, On, "m.enabled")})";

    // Every union row is narrow and of fixed-size types (no name, no text), so MariaDB keeps the union and the grouped
    // table in memory: with the flow names and a "created_at|status" text in them, 30,000 rows went to an on-disk
    // temporary table (Created_tmp_disk_tables), the better part of the cost.
    private static readonly string FlowBranches = $@"
    SELECT pf.target_id COLLATE utf8mb4_general_ci AS ctx, {Direct} AS bit, CAST(NULL AS DATETIME) AS done, CAST(0 AS UNSIGNED) AS latest
    FROM protection_flows pf
    LEFT JOIN backup_repositories r ON r.id = pf.repository_id COLLATE utf8mb4_general_ci
    WHERE pf.target_type = 'vm'
    UNION ALL
    SELECT m.vm_context_id, {ThroughGroup}, NULL, 0
    FROM protection_flows pf
    JOIN vm_group_memberships m ON m.group_id = pf.target_id COLLATE utf8mb4_general_ci
    LEFT JOIN backup_repositories r ON r.id = pf.repository_id COLLATE utf8mb4_general_ci
    WHERE pf.target_type = 'group'
    UNION ALL";

    private static readonly string MembershipBranch = $@"
    SELECT m.vm_context_id AS ctx, 1 << (24 + {string.Format(CultureInfo.InvariantCulture, On, "m.enabled")} * 2 + {string.Format(CultureInfo.InvariantCulture, On, "s.enabled")}) AS bit,
      CAST(NULL AS DATETIME) AS done, CAST(0 AS UNSIGNED) AS latest
    FROM vm_group_memberships m
    JOIN vm_machine_groups g ON g.id = m.group_id
    LEFT JOIN replication_schedules s ON s.id = g.schedule_id";

    // Backup jobs join the same union (bit 0 = no path): the newest completed one, and the newest job's status without
    // sorting each VM's jobs: the largest created_at * 8 + the status's number. Grouped per VM first along the
    // idx_vm_context index, so the union carries one row per VM instead of one per job (0.20 s against 0.27 s for the
    // facts of 10,000 VMs with 20,000 jobs). One derived table: two joined separately cost twice as much.
    private const string BackupBranch = @"
    UNION ALL
    SELECT b.vm_context_id, 0, MAX(CASE WHEN b.status = 'completed' THEN COALESCE(b.completed_at, b.created_at) END),
      MAX(COALESCE(UNIX_TIMESTAMP(b.created_at), 0) * 8 + FIELD(b.status, " + Statuses + @"))
    FROM backup_jobs b WHERE b.id NOT LIKE '%-disk%' GROUP BY b.vm_context_id";

    private const string Statuses = "'pending', 'running', 'completed', 'failed', 'cancelled'";

    /// <summary>
    /// The flow names of every VM, as a second statement of the listing's command (same round trip): plain rows, no
    /// GROUP BY. Concatenated in the listing instead, the names made its result a BLOB column that MariaDB sorted on
    /// disk, a third of the listing's time on 10,000 VMs.
    /// </summary>
    internal const string NamesSelect = @"SELECT pf.target_id COLLATE utf8mb4_general_ci, pf.name FROM protection_flows pf WHERE pf.target_type = 'vm'
UNION ALL
SELECT m.vm_context_id, pf.name COLLATE utf8mb4_general_ci FROM protection_flows pf
JOIN vm_group_memberships m ON m.group_id = pf.target_id COLLATE utf8mb4_general_ci WHERE pf.target_type = 'group'";

    /// <summary>
    /// The protection facts of every context, as a statement of its own: ctx, path bits, last completed backup, last
    /// backup status. Its rows are matched to the listed VMs in memory (<see cref="ReadAsync"/>): joined to the
    /// contexts in SQL instead, the same facts cost twice as much (0.47 s against 0.25 + 0.03 s on 10,000 VMs, 5,000
    /// flows and 20,000 backup jobs), and a filtered listing paid for every context anyway. ORDER BY NULL spares the
    /// sort MariaDB otherwise does after a GROUP BY.
    /// </summary>
    internal static string FactsSelect(FlowTables tables) =>
        "SELECT p.ctx, BIT_OR(p.bit) AS paths, MAX(p.done) AS last_completed, " +
        "ELT(NULLIF(MAX(p.latest), 0) % 8, " + Statuses + ") AS last_status FROM (" +
        (tables.HasFlows ? FlowBranches : string.Empty) + MembershipBranch + (tables.BackupJobs ? BackupBranch : string.Empty) +
        ") p GROUP BY p.ctx ORDER BY NULL";

    /// <summary>
    /// Reads the statements that follow the listing in its command: the facts of <see cref="FactsSelect"/> (a VM without
    /// a row has no path and no backup), then, when <paramref name="withNames"/>, the flow names of
    /// <see cref="NamesSelect"/> into the VMs' Flows, sorted. One async method for both, and each row's work in a
    /// method of its own, for the reason VMRowFolder gives.
    /// </summary>
    internal static async Task ReadAsync(MySqlDataReader reader, IReadOnlyList<VM> vms, bool withNames, CancellationToken cancellationToken)
    {
        Dictionary<string, VM>? byContext = null;
        if (!await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ReadFacts(reader, byContext ??= ByContext(vms));
        }

        if (!withNames || !await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var names = new Dictionary<VM, List<string>>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ReadName(reader, byContext ??= ByContext(vms), names);
        }

        foreach (KeyValuePair<VM, List<string>> pair in names)
        {
            pair.Value.Sort(StringComparer.OrdinalIgnoreCase);
            pair.Key.Flows = pair.Value.ToArray();
        }
    }

    private static void ReadFacts(MySqlDataReader reader, Dictionary<string, VM> byContext)
    {
        if (byContext.TryGetValue(reader.GetString(0), out VM? vm))
        {
            vm.ProtectionPaths = Paths(reader, 1);
            vm.LastBackup = reader.IsDBNull(2) ? null : reader.GetDateTime(2);
            vm.LastBackupStatus = reader.IsDBNull(3) ? null : reader.GetString(3);
        }
    }

    private static void ReadName(MySqlDataReader reader, Dictionary<string, VM> byContext, Dictionary<VM, List<string>> names)
    {
        if (byContext.TryGetValue(reader.GetString(0), out VM? vm))
        {
            if (!names.TryGetValue(vm, out List<string>? list))
            {
                names[vm] = list = new List<string>();
            }

            list.Add(reader.GetString(1));
        }
    }

    // Built when the first row arrives: a hub without flows, groups or backups (a fresh one, or a listing of
    // ungrouped VMs before their first backup) returns none, and then 10,000 listed VMs need no index.
    private static Dictionary<string, VM> ByContext(IReadOnlyList<VM> vms)
    {
        var byContext = new Dictionary<string, VM>(vms.Count, StringComparer.OrdinalIgnoreCase);
        foreach (VM vm in vms)
        {
            byContext[vm.ContextId] = vm;
        }

        return byContext;
    }

    /// <summary>The paths of the path bits at <paramref name="ordinal"/> (none when NULL).</summary>
    internal static IReadOnlyList<ProtectionPath> Paths(MySqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? Array.Empty<ProtectionPath>() : Paths(Convert.ToUInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture));

    /// <summary>The paths whose bits are set.</summary>
    internal static IReadOnlyList<ProtectionPath> Paths(ulong bits)
    {
        var paths = new List<ProtectionPath>();
        for (int bit = 0; bit < 28; bit++)
        {
            if ((bits & (1UL << bit)) == 0)
            {
                continue;
            }

            bool Flag(int value, int mask) => (value & mask) != 0;
            if (bit < 8)
            {
                paths.Add(ProtectionPath.Direct(flowEnabled: Flag(bit, 2), repositoryEnabled: Flag(bit, 1), isBackup: Flag(bit, 4)));
            }
            else if (bit < 24)
            {
                int v = bit - 8;
                paths.Add(ProtectionPath.ThroughGroup(flowEnabled: Flag(v, 4), repositoryEnabled: Flag(v, 2), membershipEnabled: Flag(v, 1), isBackup: Flag(v, 8)));
            }
            else
            {
                int v = bit - 24;
                paths.Add(ProtectionPath.Membership(membershipEnabled: Flag(v, 2), scheduleEnabled: Flag(v, 1)));
            }
        }

        return paths;
    }
}
