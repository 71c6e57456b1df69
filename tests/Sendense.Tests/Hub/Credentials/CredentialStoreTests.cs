using Sendense.Core.Credentials;
using Sendense.Core.Hub;
using Sendense.Hub.Connection;
using Sendense.Hub.Credentials;
using Sendense.Tests.Credentials;

namespace Sendense.Tests.Hub.Credentials;

/// <summary>
/// The credential store on the rig's real MariaDB, loaded with the hub's schema: its SQL and transactions, its cipher
/// against rows the hub itself wrote, and the service's rules where they meet the database (the default switch, the
/// in-use refusal, the key check).
/// </summary>
public sealed class CredentialStoreTests : IClassFixture<HubDatabaseFixture>, IAsyncLifetime
{
    private readonly HubDatabase _database;
    // One key for the class, as a hub has one: its tests share the database, and a new key must open the stored passwords.
    private static readonly string _key = CredCrypt.NewKey();
    private HubConnection _hub = null!;
    private CredentialStore _store = null!;
    private CredentialService _service = null!;

    public CredentialStoreTests(HubDatabaseFixture fixture) => _database = fixture.Database;

    public async Task InitializeAsync()
    {
        _hub = await HubEngine.ConnectAsync(new HubConnectionOptions { ConnectionString = _database.ConnectionString }, CancellationToken.None);
        _store = new CredentialStore(_hub);
        _service = new CredentialService(_store);
    }

    public Task DisposeAsync()
    {
        _hub.Session.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Creates_a_row_the_hub_can_decrypt_with_created_by_and_counters_set()
    {
        string name = Unique("prod");
        string password = NewPassword();

        VCenterCredential created = await Create(name, password, vCenter: "https://vc01.lab.local/sdk");

        Assert.Equal(name, created.Name);
        Assert.Equal("vc01.lab.local", created.VCenter);
        Assert.True(created.IsActive);
        Assert.False(created.IsDefault);
        Assert.Equal(0, created.UsageCount);
        Assert.Null(created.LastUsed);
        Assert.Equal(VCenterCredentialPasswordStorage.Encrypted, created.PasswordStorage);
        Assert.Contains(Environment.UserName + "@", created.CreatedBy);
        Assert.NotNull(created.CreatedAt);
        string stored = (string)(await _database.ScalarAsync($"SELECT password_encrypted FROM vmware_credentials WHERE id = {created.Id}"))!;
        Assert.DoesNotContain(password, stored);
        Assert.Equal(password, CredCrypt.Decrypt(_key, new[] { stored })[0]);
    }

    [Fact]
    public async Task Honours_is_active_on_insert_which_upstream_forces_to_1()
    {
        VCenterCredential created = await Create(Unique("dormant"), NewPassword(), active: false);

        Assert.False(created.IsActive);
        Assert.Equal(0L, Convert.ToInt64(await _database.ScalarAsync($"SELECT is_active FROM vmware_credentials WHERE id = {created.Id}"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_second_credential_with_the_same_name_in_another_case_is_refused()
    {
        string name = Unique("Dup");
        await Create(name, NewPassword());

        var error = await Assert.ThrowsAsync<SendenseException>(() => Create(name.ToUpperInvariant() + "  ", NewPassword()));

        Assert.Equal(SendenseErrorCode.VCenterCredentialExists, error.Code);
    }

    [Fact]
    public async Task At_most_one_default_through_create_update_and_concurrent_switching()
    {
        VCenterCredential a = await Create(Unique("a"), NewPassword(), isDefault: true);
        VCenterCredential b = await Create(Unique("b"), NewPassword(), isDefault: true);
        Assert.Equal(new[] { b.Id }, await DefaultIds());

        CredentialUpdateResult switched = await Update(new VCenterCredentialIdentity(a), new VCenterCredentialChanges { IsDefault = true });
        Assert.Equal(1, switched.OtherDefaultsCleared);
        Assert.Equal(new[] { a.Id }, await DefaultIds());

        var contenders = new List<VCenterCredential>();
        for (int i = 0; i < 8; i++)
        {
            contenders.Add(await Create(Unique("c" + i), NewPassword()));
        }

        await Task.WhenAll(contenders.Select(c => Task.Run(() => RetryOnDeadlock(() =>
            Update(new VCenterCredentialIdentity(c.Id), new VCenterCredentialChanges { IsDefault = true })))));

        int[] defaults = await DefaultIds();
        Assert.Single(defaults);
        Assert.Contains(defaults[0], contenders.Select(c => c.Id));

        await Update(new VCenterCredentialIdentity(defaults[0]), new VCenterCredentialChanges { IsDefault = false });
        Assert.Empty(await DefaultIds());
    }

    [Fact]
    public async Task Deactivating_the_default_clears_its_flag_and_an_inactive_default_is_refused()
    {
        VCenterCredential credential = await Create(Unique("d"), NewPassword(), isDefault: true);

        var observer = new RecordingObserver<object>();
        VCenterCredential? result = await _service.UpdateAsync(new VCenterCredentialIdentity(credential.Name), new VCenterCredentialChanges { IsActive = false },
            Keys(_key), observer, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<SendenseException>(() =>
            Update(new VCenterCredentialIdentity(credential.Id), new VCenterCredentialChanges { IsDefault = true }));
        var refusedOnCreate = await Assert.ThrowsAsync<SendenseException>(() => Create(Unique("e"), NewPassword(), isDefault: true, active: false));

        Assert.Contains(observer.Warnings, w => w.Contains("there is no default", StringComparison.Ordinal));
        Assert.False(result!.IsActive);
        Assert.False(result.IsDefault);
        Assert.Equal(SendenseErrorCode.VCenterCredentialInvalid, refused.Code);
        Assert.Equal(SendenseErrorCode.VCenterCredentialInvalid, refusedOnCreate.Code);
        CredentialUpdateResult both = await Update(new VCenterCredentialIdentity(credential.Id), new VCenterCredentialChanges { IsActive = true, IsDefault = true });
        Assert.True(both.Credential.IsActive && both.Credential.IsDefault);
    }

    [Fact]
    public async Task A_new_password_is_encrypted_and_the_other_fields_stay()
    {
        VCenterCredential credential = await Create(Unique("pw"), "Old-Passw0rd");
        string newPassword = NewPassword();

        CredentialUpdateResult result = await Update(new VCenterCredentialIdentity(credential.Id),
            new VCenterCredentialChanges { UserName = "svc-backup@vsphere.local", Password = Secure(newPassword), Datacenter = "DC2" });

        Assert.Equal("svc-backup@vsphere.local", result.Credential.UserName);
        Assert.Equal("DC2", result.Credential.Datacenter);
        Assert.Equal(credential.VCenter, result.Credential.VCenter);
        Assert.Equal(credential.Name, result.Credential.Name);
        string stored = (string)(await _database.ScalarAsync($"SELECT password_encrypted FROM vmware_credentials WHERE id = {credential.Id}"))!;
        Assert.Equal(newPassword, CredCrypt.Decrypt(_key, new[] { stored })[0]);
    }

    [Fact]
    public async Task Renaming_onto_another_name_is_refused_and_changes_nothing()
    {
        VCenterCredential first = await Create(Unique("r1"), NewPassword());
        VCenterCredential second = await Create(Unique("r2"), NewPassword());

        var error = await Assert.ThrowsAsync<SendenseException>(() =>
            Update(new VCenterCredentialIdentity(second.Id), new VCenterCredentialChanges { NewName = first.Name, Datacenter = "Changed" }));

        Assert.Equal(SendenseErrorCode.VCenterCredentialExists, error.Code);
        VCenterCredential unchanged = await _service.ReadAsync(new VCenterCredentialIdentity(second.Id), CancellationToken.None);
        Assert.Equal(second.Datacenter, unchanged.Datacenter);
    }

    [Fact]
    public async Task Removal_is_refused_while_VM_contexts_use_the_credential_unless_forced()
    {
        VCenterCredential credential = await Create(Unique("used"), NewPassword());
        string context = await AddContext(credential.Id);

        var refused = await Assert.ThrowsAsync<SendenseException>(() => Remove(new VCenterCredentialIdentity(credential.Name), force: false));
        Assert.Equal(SendenseErrorCode.VCenterCredentialInUse, refused.Code);
        Assert.Contains("1 VM(s)", refused.Message);
        Assert.NotNull(await _store.FindAsync(new VCenterCredentialIdentity(credential.Id), CancellationToken.None));
        Assert.Equal(1, await _store.CountReferencesAsync(credential.Id, CancellationToken.None));
        var inTransaction = await Assert.ThrowsAsync<SendenseException>(() =>
            _store.DeleteAsync(credential.Id, (_, references) => throw CredentialErrors.InUse(credential.Name, references), CancellationToken.None));
        Assert.Equal(SendenseErrorCode.VCenterCredentialInUse, inTransaction.Code);
        Assert.NotNull(await _store.FindAsync(new VCenterCredentialIdentity(credential.Id), CancellationToken.None));

        CredentialRemoval? removal = await _store.DeleteAsync(credential.Id, (_, _) => { }, CancellationToken.None);

        Assert.Equal(1, removal!.ReferencingVMs);
        Assert.Null(await _store.FindAsync(new VCenterCredentialIdentity(credential.Id), CancellationToken.None));
        Assert.Null(await _database.ScalarAsync($"SELECT credential_id FROM vm_replication_contexts WHERE context_id = '{context}'"));
    }

    [Fact]
    public async Task Removing_an_unused_credential_needs_no_force_and_a_missing_one_is_not_found()
    {
        VCenterCredential credential = await Create(Unique("unused"), NewPassword());

        RecordingObserver<object> observer = await Remove(new VCenterCredentialIdentity(credential), force: false);
        var missing = await Assert.ThrowsAsync<SendenseException>(() => Remove(new VCenterCredentialIdentity(credential.Id), force: false));

        Assert.Empty(observer.Warnings);
        Assert.Null(await _store.DeleteAsync(credential.Id, (_, _) => { }, CancellationToken.None));
        Assert.Equal(SendenseErrorCode.VCenterCredentialNotFound, missing.Code);
    }

    [Fact]
    public async Task Resolves_an_active_credential_by_name_id_or_object_into_a_SecureString()
    {
        string password = NewPassword();
        VCenterCredential credential = await Create(Unique("resolve"), password, vCenter: "vc02.lab.local:8443");

        foreach (VCenterCredentialIdentity identity in new[]
        {
            new VCenterCredentialIdentity(credential.Name.ToUpperInvariant()),
            new VCenterCredentialIdentity(credential.Id),
            new VCenterCredentialIdentity(credential),
        })
        {
            using ResolvedVCenterCredential resolved = await _store.ResolveAsync(identity, Keys(_key), CancellationToken.None);
            Assert.Equal(credential.Id, resolved.Id);
            Assert.Equal(credential.Name, resolved.Name);
            Assert.Equal("vc02.lab.local:8443", resolved.VCenter);
            Assert.Equal("administrator@vsphere.local", resolved.UserName);
            Assert.Equal("DC1", resolved.Datacenter);
            Assert.Equal(password, Reveal(resolved.Password));
            Assert.True(resolved.Password.IsReadOnly());
            Assert.Null(resolved.Warning);
            Assert.DoesNotContain(password, resolved.ToString());
        }
    }

    [Fact]
    public async Task Inactive_and_unknown_credentials_are_not_usable()
    {
        VCenterCredential dormant = await Create(Unique("off"), NewPassword(), active: false);

        var inactive = await Assert.ThrowsAsync<SendenseException>(() =>
            _store.ResolveAsync(new VCenterCredentialIdentity(dormant.Name), Keys(_key), CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<SendenseException>(() =>
            _store.ResolveAsync(new VCenterCredentialIdentity("no-such-credential"), Keys(_key), CancellationToken.None));

        Assert.Equal(SendenseErrorCode.VCenterCredentialInactive, inactive.Code);
        Assert.Contains("-Active $true", inactive.Message);
        Assert.Equal(SendenseErrorCode.VCenterCredentialNotFound, unknown.Code);
        Assert.Contains("'no-such-credential'", unknown.Message);
    }

    [Fact]
    public async Task Resolves_the_default_like_upstream_and_says_so_when_there_is_none()
    {
        foreach (int id in await DefaultIds())
        {
            await Update(new VCenterCredentialIdentity(id), new VCenterCredentialChanges { IsDefault = false });
        }

        var none = new RecordingObserver<VCenterCredential>();
        await _service.GetAsync(new VCenterCredentialQuery { DefaultOnly = true }, none, CancellationToken.None);
        VCenterCredential chosen = await Create(Unique("def"), NewPassword(), isDefault: true);
        var found = new RecordingObserver<VCenterCredential>();
        await _service.GetAsync(new VCenterCredentialQuery { DefaultOnly = true }, found, CancellationToken.None);
        using ResolvedVCenterCredential resolved = await _store.ResolveAsync(new VCenterCredentialIdentity(Assert.Single(found.Values)), Keys(_key), CancellationToken.None);

        Assert.Equal(SendenseErrorCode.VCenterCredentialNotFound, Assert.Single(none.Errors).Error.Code);
        Assert.Equal(chosen.Id, resolved.Id);
    }

    [Fact]
    public async Task Rows_written_by_the_hub_itself_are_read_and_classified()
    {
        string password = NewPassword();
        string goValue = CredCrypt.Encrypt(_key, new[] { password })[0];
        string hubName = Unique("gui"), seedName = Unique("seed"), keylessName = Unique("keyless");
        // What the hub's GORM insert writes (created_by 'gui_user'), plus its seed row and a keyless hub's row.
        await _database.ExecuteAsync(
            "INSERT INTO vmware_credentials (credential_name, vcenter_host, username, password_encrypted, datacenter, is_active, is_default, created_at, updated_at, created_by) VALUES " +
            $"('{hubName}', 'vc.gui', 'administrator@vsphere.local', '{goValue}', 'DC1', 1, 0, NOW(), NOW(), 'gui_user'), " +
            $"('{seedName}', 'vc.seed', 'administrator@vsphere.local', 'TEMP_PLAINTEXT_Seed-Pw1', 'DC1', 1, 0, NOW(), NOW(), 'gui_user'), " +
            $"('{keylessName}', 'vc.keyless', 'administrator@vsphere.local', 'Keyless-Pw1', 'DC1', 1, 0, NOW(), NOW(), 'gui_user')");

        IReadOnlyList<VCenterCredential> all = await _store.ListAsync(CancellationToken.None);
        Assert.Equal(VCenterCredentialPasswordStorage.Encrypted, all.Single(c => c.Name == hubName).PasswordStorage);
        Assert.Equal(VCenterCredentialPasswordStorage.TemporaryPlaintext, all.Single(c => c.Name == seedName).PasswordStorage);
        Assert.Equal(VCenterCredentialPasswordStorage.Plaintext, all.Single(c => c.Name == keylessName).PasswordStorage);
        Assert.Equal(all.Select(c => c.Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase), all.Select(c => c.Name));

        using (ResolvedVCenterCredential gui = await _store.ResolveAsync(new VCenterCredentialIdentity(hubName), Keys(_key), CancellationToken.None))
        {
            Assert.Equal(password, Reveal(gui.Password));
        }

        using (ResolvedVCenterCredential seed = await _store.ResolveAsync(new VCenterCredentialIdentity(seedName), Keys(), CancellationToken.None))
        {
            Assert.Equal("Seed-Pw1", Reveal(seed.Password));
            Assert.NotNull(seed.Warning);
        }

        var keyless = await Assert.ThrowsAsync<SendenseException>(() =>
            _store.ResolveAsync(new VCenterCredentialIdentity(keylessName), Keys(_key), CancellationToken.None));
        Assert.Equal(SendenseErrorCode.CredentialPasswordNotEncrypted, keyless.Code);
        Assert.DoesNotContain("Keyless-Pw1", keyless.ToString());

        // Re-saving encrypts it, in the format the hub reads.
        await Update(new VCenterCredentialIdentity(keylessName), new VCenterCredentialChanges { Password = Secure("Keyless-Pw1") });
        string stored = (string)(await _database.ScalarAsync($"SELECT password_encrypted FROM vmware_credentials WHERE credential_name = '{keylessName}'"))!;
        Assert.Equal("Keyless-Pw1", CredCrypt.Decrypt(_key, new[] { stored })[0]);
    }

    [Fact]
    public async Task A_wrong_key_names_the_credential_and_never_the_secret()
    {
        string password = NewPassword();
        VCenterCredential credential = await Create(Unique("wrongkey"), password);
        string otherKey = CredCrypt.NewKey();

        var error = await Assert.ThrowsAsync<SendenseException>(() =>
            _store.ResolveAsync(new VCenterCredentialIdentity(credential.Id), Keys(otherKey), CancellationToken.None));

        Assert.Equal(SendenseErrorCode.CredentialDecryptionFailed, error.Code);
        Assert.Contains($"'{credential.Name}'", error.Message);
        string stored = (string)(await _database.ScalarAsync($"SELECT password_encrypted FROM vmware_credentials WHERE id = {credential.Id}"))!;
        CredentialCipherInteropTests.AssertNoSecret(error, password, stored, _key, otherKey);
    }

    [Fact]
    public async Task Uses_are_counted_atomically_under_concurrency()
    {
        VCenterCredential credential = await Create(Unique("busy"), NewPassword());

        bool[] recorded = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            Task.Run(() => _store.RecordUseAsync(credential.Id, CancellationToken.None))));
        VCenterCredential after = await _service.ReadAsync(new VCenterCredentialIdentity(credential.Id), CancellationToken.None);

        Assert.All(recorded, Assert.True);
        Assert.Equal(40, after.UsageCount);
        Assert.NotNull(after.LastUsed);
        Assert.False(await _store.RecordUseAsync(int.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_key_stops_create_before_anything_is_written()
    {
        string name = Unique("nokey");

        var error = await Assert.ThrowsAsync<SendenseException>(() => _service.CreateAsync(
            new NewVCenterCredentialSpec { Name = name, VCenter = "vc", UserName = "u", Password = Secure("p"), Datacenter = "DC1" },
            Keys(), new RecordingObserver<object>(), CancellationToken.None));

        Assert.Equal(SendenseErrorCode.CredentialKeyMissing, error.Code);
        Assert.Null(await _store.FindAsync(new VCenterCredentialIdentity(name), CancellationToken.None));
    }

    [Fact]
    public async Task A_key_is_tried_on_the_stored_passwords_and_one_that_opens_none_writes_nothing()
    {
        VCenterCredential existing = await Create(Unique("keyed"), NewPassword());
        string otherKey = CredCrypt.NewKey();
        string stray = Unique("stray");
        await _database.ExecuteAsync("INSERT INTO vmware_credentials (credential_name, vcenter_host, username, password_encrypted, datacenter) " +
            $"VALUES ('{stray}', 'vc', 'u', '{CredCrypt.Encrypt(otherKey, new[] { "stray-secret" })[0]}', 'DC1')");

        CredentialKeyCheck? right = null;
        CredentialKeyCheck? wrong = null;
        string rightName = Unique("rightkey");
        await _store.InsertAsync(new VCenterCredentialValues(rightName, "vc", "u", "DC1", IsActive: true, IsDefault: false), Secure(NewPassword()),
            Keys(_key), check => right = check, CancellationToken.None);
        // A check that refuses inside the transaction: the row it was judging does not land.
        string judged = Unique("judged");
        var judgedRefusal = await Assert.ThrowsAsync<SendenseException>(() => _store.InsertAsync(
            new VCenterCredentialValues(judged, "vc", "u", "DC1", IsActive: true, IsDefault: false), Secure(NewPassword()),
            Keys(CredCrypt.NewKey()), check =>
            {
                wrong = check;
                throw new SendenseException(SendenseErrorCode.CredentialKeyMismatch, "refused");
            }, CancellationToken.None));
        string name = Unique("wrongkey");
        string password = NewPassword();
        var refused = await Assert.ThrowsAsync<SendenseException>(() => Create(name, password, key: CredCrypt.NewKey()));
        string before = await StoredOf(existing.Id);
        var refusedUpdate = await Assert.ThrowsAsync<SendenseException>(() => _service.UpdateAsync(new VCenterCredentialIdentity(existing.Id),
            new VCenterCredentialChanges { UserName = "u", Password = Secure(NewPassword()) }, Keys(CredCrypt.NewKey()), new RecordingObserver<object>(),
            CancellationToken.None));

        Assert.True(right!.Matches);
        Assert.True(wrong!.IsMismatch);
        Assert.Equal("refused", judgedRefusal.Message);
        Assert.NotNull(wrong.Example);
        Assert.Null(await _store.FindAsync(new VCenterCredentialIdentity(judged), CancellationToken.None));
        Assert.Equal(SendenseErrorCode.CredentialKeyMismatch, refused.Code);
        Assert.Null(await _store.FindAsync(new VCenterCredentialIdentity(name), CancellationToken.None));
        Assert.Equal(SendenseErrorCode.CredentialKeyMismatch, refusedUpdate.Code);
        Assert.Equal(before, await StoredOf(existing.Id));
        CredentialCipherInteropTests.AssertNoSecret(refused, password, before, _key, otherKey);
    }

    [Fact]
    public async Task Names_are_found_and_matched_as_the_hub_compares_them()
    {
        string suffix = Guid.NewGuid().ToString("N")[..8];
        VCenterCredential cafe = await Create("café-" + suffix, NewPassword());

        VCenterCredential? exact = await _store.FindAsync(new VCenterCredentialIdentity("CAFE-" + suffix + " "), CancellationToken.None);
        var listed = new RecordingObserver<VCenterCredential>();
        await _service.GetAsync(new VCenterCredentialQuery { Names = new[] { "CAFE-" + suffix[..4] + "*" } }, listed, CancellationToken.None);
        var taken = await Assert.ThrowsAsync<SendenseException>(() => Create("Cafe-" + suffix, NewPassword()));

        Assert.Equal(cafe.Id, exact?.Id);
        Assert.Equal(cafe.Id, Assert.Single(listed.Values).Id);
        Assert.Equal(SendenseErrorCode.VCenterCredentialExists, taken.Code);
    }

    private async Task<string> StoredOf(int id) =>
        (string)(await _database.ScalarAsync($"SELECT password_encrypted FROM vmware_credentials WHERE id = {id}"))!;

    private async Task<VCenterCredential> Create(string name, string password, bool isDefault = false, bool active = true, string vCenter = "vc01.lab.local",
        string? key = null) =>
        (await _service.CreateAsync(new NewVCenterCredentialSpec
        {
            Name = name,
            VCenter = vCenter,
            UserName = "administrator@vsphere.local",
            Password = Secure(password),
            Datacenter = "DC1",
            IsActive = active,
            IsDefault = isDefault,
        }, Keys(key ?? _key), new RecordingObserver<object>(), CancellationToken.None))!;

    // The store's update with the service's planner, to see what the transaction did (other defaults cleared).
    private async Task<CredentialUpdateResult> Update(VCenterCredentialIdentity identity, VCenterCredentialChanges changes) =>
        (await _store.UpdateAsync(identity, current => CredentialChangePlanner.ForUpdate(current, changes, out _), changes.Password, Keys(_key),
            check => Assert.False(check.IsMismatch), CancellationToken.None))!;

    private async Task<RecordingObserver<object>> Remove(VCenterCredentialIdentity identity, bool force)
    {
        var observer = new RecordingObserver<object>();
        await _service.RemoveAsync(identity, force, observer, CancellationToken.None);
        return observer;
    }

    private async Task<int[]> DefaultIds()
    {
        await using var connection = await _database.OpenAsync();
        var ids = new List<int>();
        await using var command = new MySqlConnector.MySqlCommand("SELECT id FROM vmware_credentials WHERE is_default = 1 ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids.ToArray();
    }

    private async Task<string> AddContext(int credentialId)
    {
        string context = "ctx-" + Guid.NewGuid().ToString("N")[..12];
        await _database.ExecuteAsync(
            "INSERT INTO vm_replication_contexts (context_id, vm_name, vmware_vm_id, vm_path, vcenter_host, datacenter, credential_id) " +
            $"VALUES ('{context}', '{context}', '{Guid.NewGuid()}', '/DC1/vm/{context}', 'vc01.lab.local', 'DC1', {credentialId})");
        return context;
    }

    // Concurrent default switches may deadlock in InnoDB; the engine reports that as transient, and a caller retries.
    private static async Task<T> RetryOnDeadlock<T>(Func<Task<T>> work)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (SendenseException exception) when (exception.IsTransient && attempt < 5)
            {
                await Task.Delay(20 * attempt);
            }
        }
    }

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];
}
