using Sendense.Core.Flows;

namespace Sendense.Tests.Core.Flows;

/// <summary>The protection status rule over the matrix of cases docs/protection-flows.md names.</summary>
public sealed class ProtectionStatusRuleTests
{
    public static TheoryData<string, ProtectionPath[], ProtectionStatus> Cases() => new TheoryData<string, ProtectionPath[], ProtectionStatus>
    {
        { "nothing reaches the VM", Array.Empty<ProtectionPath>(), ProtectionStatus.Unprotected },
        { "direct flow", new[] { ProtectionPath.Direct() }, ProtectionStatus.Protected },
        { "group flow", new[] { ProtectionPath.ThroughGroup(), ProtectionPath.Membership(scheduleEnabled: false) }, ProtectionStatus.Protected },
        { "disabled direct flow", new[] { ProtectionPath.Direct(flowEnabled: false) }, ProtectionStatus.Partial },
        { "disabled group flow", new[] { ProtectionPath.ThroughGroup(flowEnabled: false), ProtectionPath.Membership(scheduleEnabled: false) }, ProtectionStatus.Partial },
        { "disabled membership of a flowed group", new[] { ProtectionPath.ThroughGroup(membershipEnabled: false), ProtectionPath.Membership(membershipEnabled: false) }, ProtectionStatus.Partial },
        { "disabled membership of a scheduled group", new[] { ProtectionPath.Membership(membershipEnabled: false, scheduleEnabled: true) }, ProtectionStatus.Partial },
        { "disabled repository", new[] { ProtectionPath.Direct(repositoryEnabled: false) }, ProtectionStatus.Partial },
        { "disabled repository of a group flow", new[] { ProtectionPath.ThroughGroup(repositoryEnabled: false), ProtectionPath.Membership(scheduleEnabled: false) }, ProtectionStatus.Partial },
        { "replication flow (the engine refuses it)", new[] { ProtectionPath.Direct(isBackup: false) }, ProtectionStatus.Partial },
        { "scheduled group", new[] { ProtectionPath.Membership() }, ProtectionStatus.Protected },
        { "unscheduled group (or a disabled schedule)", new[] { ProtectionPath.Membership(scheduleEnabled: false) }, ProtectionStatus.Partial },
        { "one path on among several off", new[] { ProtectionPath.Direct(flowEnabled: false), ProtectionPath.Membership(scheduleEnabled: false), ProtectionPath.ThroughGroup() }, ProtectionStatus.Protected },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_paths_of_a_VM_add_up_to_its_status(string situation, ProtectionPath[] paths, ProtectionStatus expected) =>
        Assert.True(ProtectionStatusRule.Of(paths) == expected, $"{situation}: expected {expected}, got {ProtectionStatusRule.Of(paths)}");

    [Fact]
    public void A_path_protects_only_when_every_switch_on_it_is_on()
    {
        foreach (bool backup in new[] { true, false })
        {
            foreach (bool flow in new[] { true, false })
            {
                foreach (bool repository in new[] { true, false })
                {
                    foreach (bool membership in new[] { true, false })
                    {
                        Assert.Equal(backup && flow && repository, ProtectionPath.Direct(flow, repository, backup).Protects);
                        Assert.Equal(backup && flow && repository && membership, ProtectionPath.ThroughGroup(flow, repository, membership, backup).Protects);
                        Assert.Equal(membership && flow, ProtectionPath.Membership(membership, flow).Protects);
                    }
                }
            }
        }
    }
}
