using Dapper;
using MySqlConnector;
using Sendense.Core.Groups;

namespace Sendense.Hub.Groups;

/// <summary>
/// Creates groups: a read-only pass checks the name, the schedule and every member VM in one round trip, then the
/// group and all its memberships are written in one transaction.
/// </summary>
internal static class GroupCreator
{
    internal static async Task<ProtectionGroupCreationPlan> PrepareCreateAsync(MySqlConnection connection, ProtectionGroupDefinition definition,
        IReadOnlyList<VMReference> members, CancellationToken cancellationToken)
    {
        string name = ProtectionGroupRules.NormalizeName(definition.Name);
        string? description = ProtectionGroupRules.NormalizeDescription(definition.Description);
        int maxConcurrentVMs = ProtectionGroupRules.CheckMaxConcurrentVMs(definition.MaxConcurrentVMs);
        int priority = ProtectionGroupRules.CheckPriority(definition.Priority);
        int memberPriority = ProtectionGroupRules.CheckPriority(definition.MemberPriority, "MemberPriority");
        string? schedule = string.IsNullOrWhiteSpace(definition.Schedule) ? null : definition.Schedule!.Trim();

        // One round trip: the name check, the schedule and every candidate VM.
        var parameters = new DynamicParameters();
        parameters.Add("name", name);
        string sql = GroupSql.SelectGroupByName;
        if (schedule is not null)
        {
            parameters.Add("schedule", schedule);
            sql += ";" + GroupSql.SelectSchedule;
        }

        string? vmWhere = GroupReader.VMKeysWhere(parameters, members);
        if (vmWhere is not null)
        {
            sql += ";" + GroupSql.SelectVMKeys + vmWhere;
        }

        using SqlMapper.GridReader grid = await connection.QueryMultipleAsync(new CommandDefinition(sql, parameters,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        IdNameRow? existing = (await grid.ReadAsync<IdNameRow>().ConfigureAwait(false)).FirstOrDefault();
        ScheduleReference? scheduleReference = null;
        if (schedule is not null)
        {
            List<IdNameRow> found = (await grid.ReadAsync<IdNameRow>().ConfigureAwait(false)).ToList();
            List<string> known = (await grid.ReadAsync<string>().ConfigureAwait(false)).ToList();
            if (existing is null)
            {
                scheduleReference = GroupReader.ScheduleFrom(schedule, found, known);
            }
        }

        if (existing is not null)
        {
            throw GroupNameErrors.NameTaken(name, existing);
        }

        IEnumerable<VMKeyRow> candidates = vmWhere is null
            ? Array.Empty<VMKeyRow>()
            : await grid.ReadAsync<VMKeyRow>().ConfigureAwait(false);
        VMResolution resolution = VMReferenceResolver.Resolve(members, candidates.Select(row => row.ToModel()));
        return new ProtectionGroupCreationPlan(name, description, scheduleReference, maxConcurrentVMs, priority, memberPriority, resolution);
    }

    internal static async Task<ProtectionGroup> CreateAsync(HubConnection hub, MySqlConnection connection, ProtectionGroupCreationPlan plan,
        GroupWriteOptions options, CancellationToken cancellationToken)
    {
        if (plan.Members.Problems.Count > 0)
        {
            throw plan.Members.Problems[0].ToException();
        }

        bool returning = options.UseReturning ?? SupportsReturning(hub.ServerVersion);
        try
        {
            InsertedGroupRow inserted = await GroupDb.InTransactionAsync(connection, async transaction =>
            {
                var parameters = new
                {
                    name = plan.Name,
                    description = plan.Description,
                    scheduleId = plan.Schedule?.Id,
                    maxConcurrentVMs = plan.MaxConcurrentVMs,
                    priority = plan.Priority,
                    createdBy = ProtectionGroupRules.CreatedBy,
                };
                InsertedGroupRow row;
                if (returning)
                {
                    row = await connection.QuerySingleAsync<InsertedGroupRow>(new CommandDefinition(GroupSql.InsertGroup + GroupSql.ReturningGroup,
                        parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                }
                else
                {
                    await connection.ExecuteAsync(new CommandDefinition(GroupSql.InsertGroup, parameters, transaction,
                        cancellationToken: cancellationToken)).ConfigureAwait(false);
                    row = await connection.QuerySingleAsync<InsertedGroupRow>(new CommandDefinition(GroupSql.SelectInsertedGroup,
                        new { name = plan.Name }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                }

                List<(string, string)> rows = plan.MemberVMs.Select(vm => (row.Id, vm.ContextId)).ToList();
                await MembershipInserter.InsertAsync(connection, transaction, rows, plan.MemberPriority, options, cancellationToken).ConfigureAwait(false);
                return row;
            }, cancellationToken).ConfigureAwait(false);

            int members = plan.MemberVMs.Count;
            return new ProtectionGroup
            {
                Id = inserted.Id,
                Name = plan.Name,
                Description = plan.Description,
                ScheduleId = plan.Schedule?.Id,
                ScheduleName = plan.Schedule?.Name,
                MaxConcurrentVMs = plan.MaxConcurrentVMs,
                Priority = plan.Priority,
                MemberCount = members,
                EnabledCount = members,
                DisabledCount = 0,
                CreatedBy = ProtectionGroupRules.CreatedBy,
                CreatedAt = inserted.CreatedAt,
                UpdatedAt = inserted.UpdatedAt,
            };
        }
        catch (MySqlException exception) when (GroupWriteErrors.IsDuplicateGroupName(exception))
        {
            throw await GroupNameErrors.NameTakenAfterRaceAsync(connection, plan.Name, exception, cancellationToken).ConfigureAwait(false);
        }
        catch (MySqlException exception) when (GroupWriteErrors.FromForeignKey(exception, plan.Name) is { } meaning)
        {
            throw meaning;
        }
    }

    internal static bool SupportsReturning(string serverVersion)
    {
        if (serverVersion.IndexOf("MariaDB", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }

        string number = new string(serverVersion.TakeWhile(c => char.IsDigit(c) || c == '.').ToArray());
        return Version.TryParse(number, out Version? version) && version >= new Version(10, 5);
    }
}
