using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using MySqlConnector;
using Sendense.Core.Errors;
using Sendense.Core.Groups;

namespace Sendense.Hub.Groups;

/// <summary>Creates, changes and deletes groups. Each change is prepared by a read-only pass and written in one transaction.</summary>
internal static class GroupWriter
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
            throw NameTaken(name, existing);
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
            throw await NameTakenAfterRaceAsync(connection, plan.Name, exception, cancellationToken).ConfigureAwait(false);
        }
        catch (MySqlException exception) when (GroupWriteErrors.FromForeignKey(exception, plan.Name) is { } meaning)
        {
            throw meaning;
        }
    }

    internal static async Task<ProtectionGroupUpdatePlan> PrepareUpdateAsync(MySqlConnection connection, ProtectionGroup group,
        ProtectionGroupChange change, CancellationToken cancellationToken)
    {
        var changes = new List<string>();
        string? newName = null;
        if (change.NewName is not null)
        {
            string name = ProtectionGroupRules.NormalizeName(change.NewName);
            if (!string.Equals(name, group.Name, StringComparison.Ordinal))
            {
                IdNameRow? other = (await connection.QueryAsync<IdNameRow>(new CommandDefinition(GroupSql.SelectOtherGroupByName,
                    new { name, id = group.Id }, cancellationToken: cancellationToken)).ConfigureAwait(false)).FirstOrDefault();
                if (other is not null)
                {
                    throw NameTaken(name, other);
                }

                newName = name;
                changes.Add($"Name '{group.Name}' -> '{name}'");
            }
        }

        bool setDescription = false;
        string? description = null;
        if (change.SetDescription)
        {
            description = ProtectionGroupRules.NormalizeDescription(change.Description);
            if (!string.Equals(description, group.Description, StringComparison.Ordinal))
            {
                setDescription = true;
                changes.Add(description is null ? "clear Description" : "Description");
            }
        }

        bool setSchedule = false;
        ScheduleReference? schedule = null;
        if (change.ClearSchedule)
        {
            if (group.ScheduleId is not null)
            {
                setSchedule = true;
                changes.Add($"clear Schedule '{group.ScheduleName ?? group.ScheduleId}'");
            }
        }
        else if (!string.IsNullOrWhiteSpace(change.Schedule))
        {
            schedule = await GroupReader.ScheduleAsync(connection, change.Schedule!, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(schedule.Id, group.ScheduleId, StringComparison.Ordinal))
            {
                setSchedule = true;
                changes.Add($"Schedule '{group.ScheduleName ?? "(none)"}' -> '{schedule.Name}'");
            }
        }

        int? maxConcurrentVMs = null;
        if (change.MaxConcurrentVMs is int max && ProtectionGroupRules.CheckMaxConcurrentVMs(max) != group.MaxConcurrentVMs)
        {
            maxConcurrentVMs = max;
            changes.Add($"MaxConcurrentVMs {group.MaxConcurrentVMs} -> {max}");
        }

        int? priority = null;
        if (change.Priority is int value && ProtectionGroupRules.CheckPriority(value) != group.Priority)
        {
            priority = value;
            changes.Add($"Priority {group.Priority} -> {value}");
        }

        return new ProtectionGroupUpdatePlan(group, newName, setDescription, description, setSchedule, schedule,
            maxConcurrentVMs, priority, changes);
    }

    internal static async Task<ProtectionGroup> UpdateAsync(MySqlConnection connection, ProtectionGroupUpdatePlan plan, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("id", plan.Group.Id);
        var assignments = new List<string>();
        if (plan.NewName is not null)
        {
            assignments.Add("name = @name");
            parameters.Add("name", plan.NewName);
        }

        if (plan.SetDescription)
        {
            assignments.Add("description = @description");
            parameters.Add("description", plan.Description);
        }

        if (plan.SetSchedule)
        {
            assignments.Add("schedule_id = @scheduleId");
            parameters.Add("scheduleId", plan.Schedule?.Id);
        }

        if (plan.MaxConcurrentVMs is int max)
        {
            assignments.Add("max_concurrent_vms = @maxConcurrentVMs");
            parameters.Add("maxConcurrentVMs", max);
        }

        if (plan.Priority is int priority)
        {
            assignments.Add("priority = @priority");
            parameters.Add("priority", priority);
        }

        string groupName = plan.NewName ?? plan.Group.Name;
        if (assignments.Count > 0)
        {
            assignments.Add("updated_at = NOW()");
            int matched;
            try
            {
                matched = await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE vm_machine_groups SET " + string.Join(", ", assignments) + " WHERE id = @id", parameters,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            catch (MySqlException exception) when (GroupWriteErrors.IsDuplicateGroupName(exception))
            {
                throw await NameTakenAfterRaceAsync(connection, groupName, exception, cancellationToken).ConfigureAwait(false);
            }
            catch (MySqlException exception) when (GroupWriteErrors.FromForeignKey(exception, groupName) is { } meaning)
            {
                throw meaning;
            }

            if (matched == 0)
            {
                throw new ProtectionGroupIdentity(plan.Group).NotFound();
            }
        }

        IReadOnlyList<ProtectionGroup> reloaded = await GroupReader.GroupsAsync(connection, new GroupFilter { Ids = new[] { plan.Group.Id } }, cancellationToken).ConfigureAwait(false);
        return reloaded.FirstOrDefault(group => group.Id == plan.Group.Id)
            ?? throw new ProtectionGroupIdentity(plan.Group).NotFound();
    }

    /// <summary>Deletes a group as upstream does (refusing members and running executions unless forced); returns the memberships removed with it.</summary>
    internal static Task<int> DeleteAsync(MySqlConnection connection, ProtectionGroup group, bool force, CancellationToken cancellationToken) =>
        GroupDb.InTransactionAsync(connection, async transaction =>
        {
            using SqlMapper.GridReader grid = await connection.QueryMultipleAsync(new CommandDefinition(GroupSql.CheckGroupForDelete,
                new { id = group.Id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            bool exists = (await grid.ReadAsync<string>().ConfigureAwait(false)).Any();
            int members = (int)await grid.ReadSingleAsync<long>().ConfigureAwait(false);
            int running = (int)await grid.ReadSingleAsync<long>().ConfigureAwait(false);
            if (!exists)
            {
                throw new ProtectionGroupIdentity(group).NotFound();
            }

            if (!force && members > 0)
            {
                throw new SendenseException(SendenseErrorCode.ProtectionGroupNotEmpty,
                    $"Protection group '{group.Name}' still has {Count(members, "VM")}. Remove them first " +
                    $"(Get-SendenseProtectionGroupMember -Group '{group.Name}' | Remove-SendenseProtectionGroupMember), " +
                    "or use -Force to remove the group with its memberships (the VMs stay managed).");
            }

            if (!force && running > 0)
            {
                throw new SendenseException(SendenseErrorCode.ProtectionGroupExecutionRunning,
                    $"Protection group '{group.Name}' has {Count(running, "schedule execution")} running. Wait for it to finish, " +
                    "or use -Force to remove the group anyway (the execution keeps running without a group).");
            }

            await connection.ExecuteAsync(new CommandDefinition(GroupSql.DeleteGroup, new { id = group.Id }, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            return members;
        }, cancellationToken);

    internal static bool SupportsReturning(string serverVersion)
    {
        if (serverVersion.IndexOf("MariaDB", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }

        string number = new string(serverVersion.TakeWhile(c => char.IsDigit(c) || c == '.').ToArray());
        return Version.TryParse(number, out Version? version) && version >= new Version(10, 5);
    }

    private static SendenseException NameTaken(string name, IdNameRow existing) =>
        new SendenseException(SendenseErrorCode.ProtectionGroupNameTaken,
            $"The hub already has a protection group named '{existing.Name}' (id {existing.Id}), and group names are unique " +
            $"ignoring case and trailing spaces, so '{name}' cannot be used. Choose another name, or add VMs to that group " +
            $"with Add-SendenseProtectionGroupMember -Group '{existing.Name}'.");

    private static async Task<SendenseException> NameTakenAfterRaceAsync(MySqlConnection connection, string name, MySqlException exception,
        CancellationToken cancellationToken)
    {
        IdNameRow? existing = (await connection.QueryAsync<IdNameRow>(new CommandDefinition(GroupSql.SelectGroupByName,
            new { name }, cancellationToken: cancellationToken)).ConfigureAwait(false)).FirstOrDefault();
        return existing is null
            ? new SendenseException(SendenseErrorCode.ProtectionGroupNameTaken,
                $"Another session created a protection group named '{name}' at the same time. Nothing was written; choose another name.", exception)
            : NameTaken(name, existing);
    }

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
