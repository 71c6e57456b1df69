using Sendense.Core.Credentials;
using Sendense.Core.VSphere;
using Sendense.Tests.Credentials;

namespace Sendense.Tests.Core.Credentials;

/// <summary>The credential use cases and their rules, over an in-memory store.</summary>
public sealed class CredentialServiceTests
{
    private readonly FakeCredentialStore _store = new FakeCredentialStore();
    private readonly string _key = CredCrypt.NewKey();
    private readonly CredentialService _service;

    public CredentialServiceTests() => _service = new CredentialService(_store);

    [Fact]
    public async Task The_default_is_the_active_default_with_the_lowest_id()
    {
        _store.Seed("retired", _key, active: false, isDefault: true);
        VCenterCredential oldest = _store.Seed("prod", _key, isDefault: true);
        _store.Seed("second-default", _key, isDefault: true);

        RecordingObserver<VCenterCredential> found = await Get(new VCenterCredentialQuery { DefaultOnly = true });

        Assert.Equal(new[] { oldest.Id }, found.Values.Select(c => c.Id));
    }

    [Fact]
    public async Task No_active_default_is_a_not_found_error_that_says_how_to_choose_one()
    {
        _store.Seed("retired", _key, active: false, isDefault: true);

        RecordingObserver<VCenterCredential> found = await Get(new VCenterCredentialQuery { DefaultOnly = true });

        SendenseException error = Assert.Single(found.Errors).Error;
        Assert.Equal(SendenseErrorCode.VCenterCredentialNotFound, error.Code);
        Assert.Contains("-Default", error.Message);
    }

    [Fact]
    public async Task Names_and_wildcards_compare_as_the_hub_does()
    {
        _store.Seed("café-prod", _key);
        _store.Seed("Cafe-dev", _key);
        _store.Seed("other", _key);

        RecordingObserver<VCenterCredential> wildcard = await Get(new VCenterCredentialQuery { Names = new[] { "CAFE-*" } });
        RecordingObserver<VCenterCredential> exact = await Get(new VCenterCredentialQuery { Names = new[] { "CAFE-PROD  ", "missing", "nothing-*" } });

        Assert.Equal(new[] { "Cafe-dev", "café-prod" }, wildcard.Values.Select(c => c.Name));
        Assert.Equal(new[] { "café-prod" }, exact.Values.Select(c => c.Name));
        Outcome<VCenterCredential> miss = Assert.Single(exact.Outcomes, o => o.Failed);
        Assert.Equal("missing", miss.Input);
        Assert.Equal(SendenseErrorCode.VCenterCredentialNotFound, miss.Error!.Code);
    }

    [Fact]
    public async Task One_query_lists_the_hub_once_and_writes_each_credential_once_across_pipeline_records()
    {
        VCenterCredential a = _store.Seed("a", _key);
        var query = new VCenterCredentialQuery();
        var observer = new RecordingObserver<VCenterCredential>();

        foreach (int id in new[] { a.Id, a.Id, 99 })
        {
            query.Ids = new[] { id };
            await _service.GetAsync(query, observer, CancellationToken.None);
        }

        Assert.Equal(new[] { a.Id }, observer.Values.Select(c => c.Id));
        Assert.Equal(99, Assert.Single(observer.Outcomes, o => o.Failed).Input);
    }

    [Fact]
    public async Task Removal_is_refused_while_VMs_use_the_credential_before_anything_is_asked()
    {
        VCenterCredential used = _store.Seed("used", _key);
        _store.References[used.Id] = 2;
        var observer = new RecordingObserver<object>();

        var error = await Assert.ThrowsAsync<SendenseException>(() =>
            _service.RemoveAsync(new VCenterCredentialIdentity("USED"), force: false, observer, CancellationToken.None));

        Assert.Equal(SendenseErrorCode.VCenterCredentialInUse, error.Code);
        Assert.Contains("2 VM(s)", error.Message);
        Assert.Contains("-Force", error.Message);
        Assert.Empty(observer.Questions);
        Assert.Equal(0, _store.Writes);
    }

    [Fact]
    public async Task The_in_use_rule_is_checked_again_on_the_locked_row()
    {
        VCenterCredential credential = _store.Seed("busy", _key);
        var observer = new RecordingObserver<object> { OnConfirm = () => { _store.References[credential.Id] = 1; return Task.CompletedTask; } };

        var error = await Assert.ThrowsAsync<SendenseException>(() =>
            _service.RemoveAsync(new VCenterCredentialIdentity(credential.Id), force: false, observer, CancellationToken.None));

        Assert.Equal(SendenseErrorCode.VCenterCredentialInUse, error.Code);
        Assert.Single(_store.Credentials);
    }

    [Fact]
    public async Task Force_removes_a_used_credential_after_saying_which_VMs_lose_it()
    {
        VCenterCredential used = _store.Seed("used", _key, isDefault: true);
        _store.References[used.Id] = 3;
        var observer = new RecordingObserver<object>();

        await _service.RemoveAsync(new VCenterCredentialIdentity(used), force: true, observer, CancellationToken.None);

        Assert.Contains("used by 3 VM(s)", Assert.Single(observer.Questions).Target);
        Assert.Contains(observer.Warnings, w => w.Contains("3 VM(s) in the hub now have no credential", StringComparison.Ordinal));
        Assert.Contains(observer.VerboseLines, v => v.Contains("there is no default now", StringComparison.Ordinal));
        Assert.Empty(_store.Credentials);
    }

    [Fact]
    public async Task A_no_to_the_confirmation_removes_nothing()
    {
        _store.Seed("keep", _key);

        await _service.RemoveAsync(new VCenterCredentialIdentity("keep"), force: false, new RecordingObserver<object> { Answer = _ => false }, CancellationToken.None);

        Assert.Single(_store.Credentials);
        Assert.Equal(0, _store.Writes);
    }

    [Fact]
    public async Task A_key_that_opens_none_of_the_stored_passwords_is_refused_with_nothing_written()
    {
        _store.Seed("prod", _key);
        string otherKey = CredCrypt.NewKey();

        var error = await Assert.ThrowsAsync<SendenseException>(() => Create("lab", otherKey));

        Assert.Equal(SendenseErrorCode.CredentialKeyMismatch, error.Code);
        Assert.True(ErrorTable.Stops(error));
        Assert.Contains("'prod'", error.Message);
        Assert.Contains("/etc/systemd/system/sendense-hub.service", error.Message);
        Assert.Contains("Nothing was written", error.Message);
        Assert.DoesNotContain(otherKey, error.Message);
        Assert.Equal(0, _store.Writes);
    }

    [Fact]
    public async Task The_hub_key_is_accepted_and_with_nothing_encrypted_yet_any_key_is()
    {
        _store.Seed("seed", key: null);

        VCenterCredential? first = await Create("first", CredCrypt.NewKey());
        _store.Seed("prod", _key);
        VCenterCredential? second = await Create("second", _key);

        Assert.NotNull(first);
        Assert.Equal(_key, _store.KeyOf(second!.Id));
    }

    [Fact]
    public async Task A_new_password_under_a_wrong_key_is_refused_and_the_credential_itself_does_not_count()
    {
        VCenterCredential prod = _store.Seed("prod", _key);
        VCenterCredential stray = _store.Seed("stray", CredCrypt.NewKey());
        var newPassword = new VCenterCredentialChanges { UserName = "svc", Password = Secure("new-secret") };

        var refused = await Assert.ThrowsAsync<SendenseException>(() => Update(new VCenterCredentialIdentity(prod.Id), newPassword, CredCrypt.NewKey()));
        VCenterCredential? repaired = await Update(new VCenterCredentialIdentity("stray"), newPassword, _key);

        Assert.Equal(SendenseErrorCode.CredentialKeyMismatch, refused.Code);
        Assert.Equal(_key, _store.KeyOf(prod.Id));
        Assert.Equal(1, _store.Writes);
        Assert.Equal(_key, _store.KeyOf(stray.Id));
        Assert.Equal("new-secret", _store.PasswordOf(repaired!.Id));
    }

    [Fact]
    public async Task Making_one_the_default_clears_the_other_and_says_so()
    {
        VCenterCredential a = _store.Seed("a", _key, isDefault: true);
        VCenterCredential b = _store.Seed("b", _key);
        var observer = new RecordingObserver<object>();

        VCenterCredential? updated = await _service.UpdateAsync(new VCenterCredentialIdentity(b), new VCenterCredentialChanges { IsDefault = true },
            Keys(_key), observer, CancellationToken.None);

        Assert.True(updated!.IsDefault);
        Assert.Equal(new[] { b.Id }, _store.Credentials.Where(c => c.IsDefault).Select(c => c.Id));
        Assert.False(_store.Credentials.Single(c => c.Id == a.Id).IsDefault);
        Assert.Contains(observer.VerboseLines, v => v.Contains("the previous default stopped being one", StringComparison.Ordinal));
        Assert.Equal("Change make it the default", Assert.Single(observer.Questions).Action);
    }

    [Fact]
    public async Task Deactivating_the_default_drops_its_flag_with_a_warning_and_an_inactive_default_is_refused()
    {
        VCenterCredential credential = _store.Seed("d", _key, isDefault: true);
        var observer = new RecordingObserver<object>();

        VCenterCredential? deactivated = await _service.UpdateAsync(new VCenterCredentialIdentity(credential.Id),
            new VCenterCredentialChanges { IsActive = false }, Keys(_key), observer, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<SendenseException>(() =>
            Update(new VCenterCredentialIdentity(credential.Id), new VCenterCredentialChanges { IsDefault = true }, _key));
        var refusedOnCreate = await Assert.ThrowsAsync<SendenseException>(() => _service.CreateAsync(Spec("e", isDefault: true, active: false),
            Keys(_key), new RecordingObserver<object>(), CancellationToken.None));

        Assert.False(deactivated!.IsActive || deactivated.IsDefault);
        Assert.Contains(observer.Warnings, w => w.Contains("there is no default", StringComparison.Ordinal));
        Assert.Equal(SendenseErrorCode.VCenterCredentialInvalid, refused.Code);
        Assert.Contains("-Active $true", refused.Message);
        Assert.Equal(SendenseErrorCode.VCenterCredentialInvalid, refusedOnCreate.Code);
    }

    [Theory]
    [InlineData("evil\u202Egpj.exe", "U+202E")]
    [InlineData("two\u200Bwords", "U+200B")]
    [InlineData("line\nbreak", "U+000A")]
    public async Task Unprintable_names_are_refused_naming_the_code_point(string name, string codePoint)
    {
        var onCreate = await Assert.ThrowsAsync<SendenseException>(() => Create(name, _key));
        VCenterCredential existing = _store.Seed("fine", _key);
        var onRename = await Assert.ThrowsAsync<SendenseException>(() =>
            Update(new VCenterCredentialIdentity(existing.Id), new VCenterCredentialChanges { NewName = name }, _key));

        foreach (SendenseException error in new[] { onCreate, onRename })
        {
            Assert.Equal(SendenseErrorCode.VCenterCredentialInvalid, error.Code);
            Assert.Contains(codePoint, error.Message);
        }

        Assert.Equal("fine", Assert.Single(_store.Credentials).Name);
    }

    [Fact]
    public async Task Create_checks_the_fields_normalises_the_vCenter_and_writes_nothing_when_not_confirmed()
    {
        var observer = new RecordingObserver<object> { Answer = _ => false };

        VCenterCredential? declined = await _service.CreateAsync(Spec("lab", vCenter: "https://vc-lab.local/sdk"), Keys(), observer, CancellationToken.None);
        var empty = await Assert.ThrowsAsync<SendenseException>(() => _service.CreateAsync(Spec("lab", datacenter: "  "), Keys(_key),
            new RecordingObserver<object>(), CancellationToken.None));

        Assert.Null(declined);
        Assert.Equal("'lab' (administrator@vsphere.local at vc-lab.local, datacenter DC1)", Assert.Single(observer.Questions).Target);
        Assert.Equal(0, _store.Writes);
        Assert.Equal(SendenseErrorCode.VCenterCredentialInvalid, empty.Code);
        Assert.Contains("datacenter", empty.Message);
    }

    [Fact]
    public async Task Passwords_are_read_per_credential_and_a_wrong_key_fails_only_that_one()
    {
        _store.Seed("a-right", _key, password: "pw-a");
        _store.Seed("b-seed", key: null, password: "pw-b");
        _store.Seed("c-other", CredCrypt.NewKey());
        var observer = new RecordingObserver<ResolvedVCenterCredential>();

        await _service.GetPasswordsAsync(new VCenterCredentialQuery(), Keys(_key), observer, CancellationToken.None);

        Assert.Equal(new[] { "pw-a", "pw-b" }, observer.Values.Select(r => Reveal(r.Password)));
        Assert.Equal(SendenseErrorCode.CredentialDecryptionFailed, Assert.Single(observer.Errors).Error.Code);
        Assert.Single(observer.Warnings);
        Assert.Equal(2, _store.UsesRecorded);
        var stopped = await Assert.ThrowsAsync<SendenseException>(() =>
            _service.GetPasswordsAsync(new VCenterCredentialQuery(), Keys(), new RecordingObserver<ResolvedVCenterCredential>(), CancellationToken.None));
        Assert.Equal(SendenseErrorCode.CredentialKeyMissing, stopped.Code);
    }

    [Fact]
    public async Task A_credential_that_cannot_be_resolved_for_a_login_stops_the_command()
    {
        _store.Seed("off", _key, active: false);

        var missing = await Assert.ThrowsAsync<SendenseException>(() =>
            _service.ResolveForLoginAsync(new VCenterCredentialIdentity("nope"), Keys(_key), new RecordingObserver<object>(), CancellationToken.None));
        var inactive = await Assert.ThrowsAsync<SendenseException>(() =>
            _service.ResolveForLoginAsync(new VCenterCredentialIdentity("off"), Keys(_key), new RecordingObserver<object>(), CancellationToken.None));

        Assert.Equal(SendenseErrorCode.VCenterCredentialNotFound, missing.Code);
        Assert.True(ErrorTable.Stops(missing));
        Assert.Equal(SendenseErrorCode.VCenterCredentialInactive, inactive.Code);
        Assert.True(ErrorTable.Stops(inactive));
    }

    [Fact]
    public async Task A_login_test_reports_a_refusal_as_a_result_and_counts_only_a_success()
    {
        VCenterCredential credential = _store.Seed("prod", _key);
        bool accept = true;
        var service = new CredentialService(_store, (options, _) => accept
            ? Task.FromResult(new VCenterLoginResult { UserName = options.UserName!, Product = "VMware vCenter Server", ApiVersion = "8.0" })
            : throw new SendenseException(SendenseErrorCode.VCenterLoginFailed, "vCenter refused the login."));
        var request = new VCenterCredentialTestRequest { Identity = new VCenterCredentialIdentity(credential.Id), Keys = Keys(_key) };

        VCenterCredentialTestResult passed = await service.TestAsync(request, new RecordingObserver<object>(), CancellationToken.None);
        accept = false;
        VCenterCredentialTestResult refused = await service.TestAsync(request, new RecordingObserver<object>(), CancellationToken.None);

        Assert.True(passed.Succeeded);
        Assert.Equal("VMware vCenter Server", passed.Product);
        Assert.False(refused.Succeeded);
        Assert.Equal("VCenterLoginFailed", refused.ErrorId);
        Assert.Equal(1, _store.UsesRecorded);
    }

    [Fact]
    public async Task Completion_offers_names_starting_with_the_typed_text_as_the_hub_compares_them()
    {
        _store.Seed("café-prod", _key);
        _store.Seed("[lab]", _key);
        _store.Seed("other", _key);

        IReadOnlyList<VCenterCredential> cafe = await _service.CompleteAsync("CAFE", 200, CancellationToken.None);
        IReadOnlyList<VCenterCredential> bracket = await _service.CompleteAsync("[l", 200, CancellationToken.None);

        Assert.Equal("café-prod", Assert.Single(cafe).Name);
        Assert.Equal("[lab]", Assert.Single(bracket).Name);
    }

    private async Task<RecordingObserver<VCenterCredential>> Get(VCenterCredentialQuery query)
    {
        var observer = new RecordingObserver<VCenterCredential>();
        await _service.GetAsync(query, observer, CancellationToken.None);
        return observer;
    }

    private Task<VCenterCredential?> Create(string name, string key) =>
        _service.CreateAsync(Spec(name), Keys(key), new RecordingObserver<object>(), CancellationToken.None);

    private Task<VCenterCredential?> Update(VCenterCredentialIdentity identity, VCenterCredentialChanges changes, string key) =>
        _service.UpdateAsync(identity, changes, Keys(key), new RecordingObserver<object>(), CancellationToken.None);

    private static NewVCenterCredentialSpec Spec(string name, bool isDefault = false, bool active = true, string vCenter = "vc01", string datacenter = "DC1") =>
        new NewVCenterCredentialSpec
        {
            Name = name,
            VCenter = vCenter,
            UserName = "administrator@vsphere.local",
            Password = Secure("secret"),
            Datacenter = datacenter,
            IsActive = active,
            IsDefault = isDefault,
        };
}
