using Sendense.Core.Groups;

namespace Sendense.Tests.Core.Groups;

/// <summary>The use cases of the protection group cmdlets, against an in-memory hub.</summary>
public sealed class GroupServiceTests
{
    private readonly FakeGroupStore _store = new FakeGroupStore();
    private readonly GroupService _service;

    public GroupServiceTests() => _service = new GroupService(_store);

    [Fact]
    public async Task Create_writes_the_group_with_each_vm_once_after_one_question()
    {
        ManagedVMKey web1 = _store.AddVM("web1");
        ManagedVMKey web2 = _store.AddVM("web2");
        var observer = new RecordingObserver<ProtectionGroup>();

        ProtectionGroup? group = await _service.CreateAsync(Definition("  Web  ", VMReference.FromContextId(web1.ContextId), VMReference.FromText("WEB2"),
            VMReference.FromContextId(web1.ContextId)), observer, CancellationToken.None);

        Assert.NotNull(group);
        Assert.Equal("Web", group!.Name);
        Assert.Equal(2, group.MemberCount);
        ChangeRequest question = Assert.Single(Assert.Single(observer.Batches));
        Assert.Equal("Web", question.Target);
        Assert.Equal("Create protection group with 2 VMs (web1, web2)", question.Action);
        Assert.Equal("create Web with 2", Assert.Single(_store.Writes));
        Assert.Contains(observer.VerboseLines, line => line.StartsWith("1 input named a VM given earlier", StringComparison.Ordinal));
        Assert.Empty(observer.Warnings);
    }

    [Fact]
    public async Task Create_under_WhatIf_checks_everything_and_writes_nothing()
    {
        ManagedVMKey vm = _store.AddVM("app1");

        ProtectionGroup? group = await _service.CreateAsync(Definition("App", VMReference.FromContextId(vm.ContextId)),
            new RecordingObserver<ProtectionGroup> { Answer = _ => false }, CancellationToken.None);

        Assert.Null(group);
        Assert.Empty(_store.Writes);
    }

    [Fact]
    public async Task Create_is_all_or_nothing_when_some_inputs_are_not_managed_vms()
    {
        ManagedVMKey vm = _store.AddVM("db1");
        object missing = "ctx-gone-20251006-000000";
        var definition = Definition("Half", VMReference.FromContextId(vm.ContextId), VMReference.FromText((string)missing, missing), VMReference.FromText("nope"));

        var error = await Assert.ThrowsAsync<GroupInputException>(() => _service.CreateAsync(definition, new RecordingObserver<ProtectionGroup>(), CancellationToken.None));

        Assert.Equal(SendenseErrorCode.ProtectionGroupVMNotFound, error.Code);
        Assert.StartsWith("Protection group 'Half' was not created: 2 inputs of 3 could not be used, and nothing was written.", error.Message, StringComparison.Ordinal);
        Assert.Equal(new object[] { missing, "nope" }, Assert.IsType<object[]>(error.Inputs));
        Assert.Empty(_store.Writes);
    }

    [Fact]
    public async Task Create_warns_when_the_members_reach_MaxConcurrentVMs()
    {
        VMReference[] vms = new[] { "c1", "c2", "c3" }.Select(name => VMReference.FromContextId(_store.AddVM(name).ContextId)).ToArray();
        var observer = new RecordingObserver<ProtectionGroup>();
        ProtectionGroupDefinition definition = Definition("Capped", vms);
        definition.MaxConcurrentVMs = 2;

        await _service.CreateAsync(definition, observer, CancellationToken.None);

        Assert.Contains("'Capped' has 3 VMs and MaxConcurrentVMs 2", Assert.Single(observer.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_refuses_vms_given_that_turned_out_to_be_none_unless_AllowEmpty_D14()
    {
        ProtectionGroupDefinition given = Definition("Empty query");
        given.MembersGiven = true;
        var error = await Assert.ThrowsAsync<SendenseException>(() => _service.CreateAsync(given, new RecordingObserver<ProtectionGroup>(), CancellationToken.None));
        Assert.Equal(SendenseErrorCode.ProtectionGroupNoVMs, error.Code);
        Assert.Contains("-AllowEmpty", error.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Writes);

        given.AllowEmpty = true;
        Assert.Equal(0, (await _service.CreateAsync(given, new RecordingObserver<ProtectionGroup>(), CancellationToken.None))!.MemberCount);

        // No -VM and nothing piped: an empty group on purpose.
        var observer = new RecordingObserver<ProtectionGroup>();
        Assert.NotNull(await _service.CreateAsync(Definition("Empty on purpose"), observer, CancellationToken.None));
        Assert.Equal("Create an empty protection group", Assert.Single(Assert.Single(observer.Batches)).Action);
    }

    [Fact]
    public async Task Create_refuses_a_name_the_hub_holds_under_its_collation_and_says_why_D10()
    {
        _store.AddGroup("Café");

        var error = await Assert.ThrowsAsync<SendenseException>(() => _service.CreateAsync(Definition("cafe"), new RecordingObserver<ProtectionGroup>(), CancellationToken.None));

        Assert.Equal(SendenseErrorCode.ProtectionGroupNameTaken, error.Code);
        Assert.Contains("'Café'", error.Message, StringComparison.Ordinal);
        Assert.Contains("accents", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x202E)]
    [InlineData(0x200B)]
    [InlineData(0xD800)]
    public async Task Create_and_rename_refuse_unprintable_names_naming_the_code_point_D12(int character)
    {
        string name = "a" + (char)character + "b";
        string codePoint = $"U+{character:X4}";
        var created = await Assert.ThrowsAsync<SendenseException>(() => _service.CreateAsync(Definition(name), new RecordingObserver<ProtectionGroup>(), CancellationToken.None));
        Assert.Equal(SendenseErrorCode.ProtectionGroupNameInvalid, created.Code);
        Assert.Contains(codePoint, created.Message, StringComparison.Ordinal);

        ProtectionGroup group = _store.AddGroup("Plain");
        var observer = new RecordingObserver<ProtectionGroup>();
        await _service.UpdateAsync(new ProtectionGroupIdentity(group), new ProtectionGroupChange { NewName = name }, observer, CancellationToken.None);
        Outcome<ProtectionGroup> failure = Assert.Single(observer.Failures);
        Assert.Equal(SendenseErrorCode.ProtectionGroupNameInvalid, failure.Error!.Code);
        Assert.Contains(codePoint, failure.Error.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Writes);
    }

    [Fact]
    public async Task Update_writes_only_what_differs_and_warns_about_gui_capacity_when_it_lowers_the_limit()
    {
        ProtectionGroup group = _store.AddGroup("Web", 5, _store.AddVM("w1"), _store.AddVM("w2"));
        var same = new RecordingObserver<ProtectionGroup>();
        await _service.UpdateAsync(new ProtectionGroupIdentity("web"), new ProtectionGroupChange { MaxConcurrentVMs = 5 }, same, CancellationToken.None);
        Assert.Same(group, Assert.Single(same.Values));
        Assert.Empty(same.Questions);
        Assert.Empty(_store.Writes);

        var lowered = new RecordingObserver<ProtectionGroup>();
        await _service.UpdateAsync(new ProtectionGroupIdentity("web"), new ProtectionGroupChange { MaxConcurrentVMs = 2 }, lowered, CancellationToken.None);
        Assert.Equal("Set MaxConcurrentVMs 5 -> 2", Assert.Single(Assert.Single(lowered.Batches)).Action);
        Assert.Equal(2, Assert.Single(lowered.Values).MaxConcurrentVMs);
        Assert.Single(lowered.Warnings);
    }

    [Fact]
    public async Task Update_with_nothing_asked_warns_and_a_missing_group_is_that_inputs_failure()
    {
        _store.AddGroup("Web");
        var nothing = new RecordingObserver<ProtectionGroup>();
        await _service.UpdateAsync(new ProtectionGroupIdentity("Web"), new ProtectionGroupChange(), nothing, CancellationToken.None);
        Assert.Contains("Nothing to change", Assert.Single(nothing.Warnings), StringComparison.Ordinal);

        var missing = new RecordingObserver<ProtectionGroup>();
        var identity = new ProtectionGroupIdentity("Nope");
        await _service.UpdateAsync(identity, new ProtectionGroupChange { Priority = 3 }, missing, CancellationToken.None);
        Outcome<ProtectionGroup> failure = Assert.Single(missing.Failures);
        Assert.Same(identity, failure.Input);
        Assert.Equal(SendenseErrorCode.ProtectionGroupNotFound, failure.Error!.Code);
    }

    [Fact]
    public async Task Remove_refuses_members_and_running_executions_without_Force()
    {
        ProtectionGroup full = _store.AddGroup("Full", 5, _store.AddVM("f1"));
        ProtectionGroup busy = _store.AddGroup("Busy");
        _store.RunningExecutions[busy.Id] = 1;

        var observer = new RecordingObserver<ProtectionGroup>();
        await _service.RemoveAsync(new ProtectionGroupIdentity(full), false, observer, CancellationToken.None);
        await _service.RemoveAsync(new ProtectionGroupIdentity(busy), false, observer, CancellationToken.None);

        Assert.Equal(new[] { SendenseErrorCode.ProtectionGroupNotEmpty, SendenseErrorCode.ProtectionGroupExecutionRunning },
            observer.Failures.Select(failure => failure.Error!.Code));
        Assert.Contains("1 VM", observer.Outcomes[0].Error!.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Writes);
        Assert.Equal(2, _store.Groups.Count);
    }

    [Fact]
    public async Task Remove_with_Force_says_the_memberships_go_too_and_WhatIf_writes_nothing()
    {
        ProtectionGroup full = _store.AddGroup("Full", 5, _store.AddVM("f1"));
        var whatIf = new RecordingObserver<ProtectionGroup> { Answer = _ => false };
        await _service.RemoveAsync(new ProtectionGroupIdentity(full), true, whatIf, CancellationToken.None);
        Assert.Equal("Remove protection group and its 1 membership (the VMs stay managed)", Assert.Single(Assert.Single(whatIf.Batches)).Action);
        Assert.Empty(_store.Writes);

        var observer = new RecordingObserver<ProtectionGroup>();
        await _service.RemoveAsync(new ProtectionGroupIdentity(full), true, observer, CancellationToken.None);
        Assert.Empty(observer.Outcomes);
        Assert.Equal("delete Full", Assert.Single(_store.Writes));
        Assert.Contains("and its 1 membership.", Assert.Single(observer.VerboseLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_is_idempotent_and_asks_once_for_all_groups()
    {
        (ManagedVMKey a, ManagedVMKey b) = GroupOneWithA();
        _store.AddGroup("Two", 50);
        var requests = new[]
        {
            Request("one", VMReference.FromContextId(a.ContextId)),
            Request("one", VMReference.FromText("b")),
            Request("two", VMReference.FromText("a")),
        };
        var observer = new RecordingObserver<ProtectionGroupMember>();

        await _service.AddMembersAsync(requests, 30, observer, CancellationToken.None);

        IReadOnlyList<ChangeRequest> questions = Assert.Single(observer.Batches);
        Assert.Equal(new[] { "One", "Two" }, questions.Select(question => question.Target));
        Assert.Equal(new ProtectionGroupMemberResult?[] { ProtectionGroupMemberResult.AlreadyMember, ProtectionGroupMemberResult.Added, ProtectionGroupMemberResult.Added },
            observer.Values.Select(member => member.Result));
        Assert.Contains(observer.VerboseLines, line => line.Contains("already is a member", StringComparison.Ordinal));

        var again = new RecordingObserver<ProtectionGroupMember>();
        await _service.AddMembersAsync(requests, 30, again, CancellationToken.None);
        Assert.All(again.Values, member => Assert.Equal(ProtectionGroupMemberResult.AlreadyMember, member.Result));
        Assert.Equal(2, _store.Writes.Count);
    }

    [Fact]
    public async Task Adding_to_a_missing_group_or_with_an_unknown_vm_stops_and_writes_nothing()
    {
        ManagedVMKey vm = _store.AddVM("a");
        _store.AddGroup("One");
        var missing = new ProtectionGroupIdentity("Nope");

        var noGroup = await Assert.ThrowsAsync<GroupInputException>(() => _service.AddMembersAsync(
            new[] { new MembershipRequest(missing, VMReference.FromContextId(vm.ContextId)) }, 50, new RecordingObserver<ProtectionGroupMember>(), CancellationToken.None));
        Assert.Equal(SendenseErrorCode.ProtectionGroupNotFound, noGroup.Code);
        Assert.True(noGroup.StopsCommand);
        Assert.Same(missing, noGroup.Inputs);

        var noVM = await Assert.ThrowsAsync<GroupInputException>(() => _service.AddMembersAsync(new[]
        {
            Request("One", VMReference.FromContextId(vm.ContextId)),
            Request("One", VMReference.FromText("no-such-vm")),
        }, 50, new RecordingObserver<ProtectionGroupMember>(), CancellationToken.None));
        Assert.Equal(SendenseErrorCode.ProtectionGroupVMNotFound, noVM.Code);
        Assert.Equal("no-such-vm", noVM.Inputs);
        Assert.Empty(_store.Writes);
    }

    [Fact]
    public async Task Adding_warns_when_the_group_reaches_gui_capacity()
    {
        _store.AddGroup("Small", 2, _store.AddVM("s1"));
        var observer = new RecordingObserver<ProtectionGroupMember>();

        await _service.AddMembersAsync(new[] { Request("Small", VMReference.FromContextId(_store.AddVM("s2").ContextId)) },
            50, observer, CancellationToken.None);

        Assert.Contains("'Small' has 2 VMs and MaxConcurrentVMs 2", Assert.Single(observer.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_members_warns_about_non_members_and_fails_only_the_unknown_input()
    {
        (ManagedVMKey a, ManagedVMKey b) = GroupOneWithA();
        var observer = new RecordingObserver<ProtectionGroupMember>();

        await _service.RemoveMembersAsync(new[]
        {
            Request("One", VMReference.FromContextId(a.ContextId)),
            Request("One", VMReference.FromContextId(b.ContextId)),
            Request("One", VMReference.FromText("ghost")),
        }, observer, CancellationToken.None);

        Assert.Equal("ghost", Assert.Single(observer.Failures).Input);
        Assert.Equal(ProtectionGroupMemberResult.Removed, Assert.Single(observer.Values).Result);
        Assert.Contains("'b'", Assert.Single(observer.Warnings), StringComparison.Ordinal);
        Assert.Equal("Remove 2 VMs from protection group (a, b)", Assert.Single(Assert.Single(observer.Batches)).Action);
    }

    [Fact]
    public async Task Removing_members_under_WhatIf_writes_nothing()
    {
        ManagedVMKey a = _store.AddVM("a");
        _store.AddGroup("One", 50, a);

        await _service.RemoveMembersAsync(new[] { Request("One", VMReference.FromContextId(a.ContextId)) },
            new RecordingObserver<ProtectionGroupMember> { Answer = _ => false }, CancellationToken.None);

        Assert.Empty(_store.Writes);
        Assert.Single(_store.Members);
    }

    [Fact]
    public async Task Get_reports_literal_names_and_ids_that_match_nothing_and_treats_a_lone_bracket_literally_D11()
    {
        _store.AddGroup("[");
        _store.AddGroup("List tier [a]");
        var observer = new RecordingObserver<ProtectionGroup>();

        await _service.GetGroupsAsync(new[] { "[", "Nope", "Nope*", "List tier `[a`]" }, Array.Empty<string>(), observer, CancellationToken.None);

        Assert.Equal(new[] { "List tier [a]", "[" }, observer.Values.Select(group => group.Name));
        Outcome<ProtectionGroup> missing = Assert.Single(observer.Failures);
        Assert.Equal("Nope", missing.Input);
        Assert.Equal(SendenseErrorCode.ProtectionGroupNotFound, missing.Error!.Code);

        var byId = new RecordingObserver<ProtectionGroup>();
        await _service.GetGroupsAsync(Array.Empty<string>(), new[] { "g-404" }, byId, CancellationToken.None);
        Assert.Equal("g-404", Assert.Single(byId.Failures).Input);
    }

    [Fact]
    public async Task Names_match_as_the_hub_compares_them_and_say_so_when_beyond_case_D10()
    {
        ProtectionGroup cafe = _store.AddGroup("Café");
        var listed = new RecordingObserver<ProtectionGroup>();
        await _service.GetGroupsAsync(new[] { "cafe" }, Array.Empty<string>(), listed, CancellationToken.None);
        Assert.Same(cafe, Assert.Single(listed.Values));
        Assert.Empty(listed.Failures);
        Assert.Contains("'cafe' matched protection group 'Café'", Assert.Single(listed.VerboseLines), StringComparison.Ordinal);

        var members = new RecordingObserver<ProtectionGroupMember>();
        await _service.GetMembersAsync(new[] { new ProtectionGroupIdentity("CAFE") }, Array.Empty<string>(), members, CancellationToken.None);
        Assert.Empty(members.Failures);
        Assert.Single(members.VerboseLines);

        var sameCase = new RecordingObserver<ProtectionGroup>();
        await _service.GetGroupsAsync(new[] { "CAFÉ" }, Array.Empty<string>(), sameCase, CancellationToken.None);
        Assert.Empty(sameCase.VerboseLines);
    }

    [Fact]
    public async Task Member_names_filter_with_the_wildcard_after_the_query()
    {
        _store.AddGroup("One", 50, _store.AddVM("web1"), _store.AddVM("db1"));
        var observer = new RecordingObserver<ProtectionGroupMember>();

        await _service.GetMembersAsync(Array.Empty<ProtectionGroupIdentity>(), new[] { "web*" }, observer, CancellationToken.None);

        Assert.Equal("web1", Assert.Single(observer.Values).VMName);
    }

    [Fact]
    public async Task Completion_offers_names_starting_with_the_literal_prefix()
    {
        _store.AddGroup("Comp* a");
        _store.AddGroup("CompX b");

        Assert.Equal(new[] { "Comp* a" }, await _service.CompleteGroupNamesAsync("comp*", 10, CancellationToken.None));
    }

    private static MembershipRequest Request(string group, VMReference vm) => new MembershipRequest(new ProtectionGroupIdentity(group), vm);

    // Two managed VMs, a and b, and the group 'One' with a as its member.
    private (ManagedVMKey A, ManagedVMKey B) GroupOneWithA()
    {
        ManagedVMKey a = _store.AddVM("a");
        ManagedVMKey b = _store.AddVM("b");
        _store.AddGroup("One", 50, a);
        return (a, b);
    }

    private static ProtectionGroupDefinition Definition(string name, params VMReference[] members) =>
        new ProtectionGroupDefinition { Name = name, Description = "x", Members = members, MembersGiven = members.Length > 0 };
}
