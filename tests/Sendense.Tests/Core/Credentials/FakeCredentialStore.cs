using System.Security;
using Sendense.Core.Credentials;

namespace Sendense.Tests.Core.Credentials;

/// <summary>
/// An in-memory vmware_credentials table for the service's use cases. A password is "encrypted" by remembering
/// the key it was written under, which is all the rules need: whether a key opens a stored password.
/// </summary>
internal sealed class FakeCredentialStore : ICredentialStore
{
    private readonly List<Row> _rows = new List<Row>();
    private int _nextId = 1;

    public string Hub => "test@fake:3306/migratekit_oma";

    /// <summary>VM contexts per credential id.</summary>
    public Dictionary<int, int> References { get; } = new Dictionary<int, int>();

    /// <summary>Inserts, updates and deletes that reached the table.</summary>
    public int Writes { get; private set; }

    public int UsesRecorded { get; private set; }

    public IReadOnlyList<VCenterCredential> Credentials => _rows.Select(r => r.Credential).ToList();

    /// <summary>A row as the hub's GUI or an earlier run left it, its password under <paramref name="key"/> (null: TEMP_PLAINTEXT_).</summary>
    public VCenterCredential Seed(string name, string? key, bool active = true, bool isDefault = false, string password = "seed-secret")
    {
        var credential = new VCenterCredential
        {
            Id = _nextId++,
            Name = name,
            VCenter = "vc01",
            UserName = "administrator@vsphere.local",
            Datacenter = "DC1",
            IsActive = active,
            IsDefault = isDefault,
            PasswordStorage = key is null ? VCenterCredentialPasswordStorage.TemporaryPlaintext : VCenterCredentialPasswordStorage.Encrypted,
        };
        _rows.Add(new Row(credential, key, password));
        return credential;
    }

    public string? KeyOf(int id) => _rows.Single(r => r.Credential.Id == id).Key;

    public string PasswordOf(int id) => _rows.Single(r => r.Credential.Id == id).Password;

    public Task<IReadOnlyList<VCenterCredential>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<VCenterCredential>>(_rows.Select(r => r.Credential).OrderBy(c => HubCollation.Fold(c.Name), StringComparer.Ordinal).ToList());

    public Task<VCenterCredential?> FindAsync(VCenterCredentialIdentity identity, CancellationToken cancellationToken) =>
        Task.FromResult(Find(identity)?.Credential);

    public Task<ResolvedVCenterCredential> ResolveAsync(VCenterCredentialIdentity identity, CredentialKeySource keys, CancellationToken cancellationToken)
    {
        Row row = Find(identity) ?? throw CredentialErrors.NotFound(Hub, identity);
        if (!row.Credential.IsActive)
        {
            throw CredentialErrors.Inactive(row.Credential.Name);
        }

        string? warning = null;
        if (row.Key is null)
        {
            warning = "stored in clear";
        }
        else if (KeyText(keys) != row.Key)
        {
            throw new SendenseException(SendenseErrorCode.CredentialDecryptionFailed, $"'{row.Credential.Name}' does not decrypt.");
        }

        VCenterCredential c = row.Credential;
        return Task.FromResult(new ResolvedVCenterCredential(c.Id, c.Name, c.VCenter, c.UserName, Secure(row.Password), c.Datacenter, warning));
    }

    public Task<bool> RecordUseAsync(int credentialId, CancellationToken cancellationToken)
    {
        Row? row = _rows.SingleOrDefault(r => r.Credential.Id == credentialId);
        if (row is not null)
        {
            row.Credential.UsageCount++;
            UsesRecorded++;
        }

        return Task.FromResult(row is not null);
    }

    public Task<int> CountReferencesAsync(int credentialId, CancellationToken cancellationToken) =>
        Task.FromResult(References.TryGetValue(credentialId, out int count) ? count : 0);

    // As the hub store does: the key tried on the stored passwords except the one being replaced.
    private CredentialKeyCheck CheckKey(CredentialKeySource keys, Row? excluded)
    {
        List<Row> encrypted = _rows.Where(r => r.Key is not null && r != excluded).ToList();
        if (encrypted.Count == 0)
        {
            return new CredentialKeyCheck(0, false, null);
        }

        string key = KeyText(keys);
        bool matches = encrypted.Any(r => r.Key == key);
        return new CredentialKeyCheck(encrypted.Count, matches, matches ? null : encrypted[0].Credential.Name);
    }

    public Task<VCenterCredential> InsertAsync(VCenterCredentialValues values, SecureString password, CredentialKeySource keys,
        Action<CredentialKeyCheck> requireKey, CancellationToken cancellationToken)
    {
        string key = KeyText(keys);
        requireKey(CheckKey(keys, excluded: null));
        if (_rows.Any(r => HubCollation.Equal(r.Credential.Name, values.Name)))
        {
            throw CredentialErrors.Exists(values.Name);
        }

        if (values.IsDefault)
        {
            _rows.ForEach(r => r.Credential.IsDefault = false);
        }

        var credential = new VCenterCredential { Id = _nextId++, CreatedBy = values.CreatedBy };
        Apply(credential, values);
        _rows.Add(new Row(credential, key, Reveal(password)));
        Writes++;
        return Task.FromResult(credential);
    }

    public Task<CredentialUpdateResult?> UpdateAsync(VCenterCredentialIdentity identity, Func<VCenterCredential, VCenterCredentialValues?> decide,
        SecureString? newPassword, CredentialKeySource keys, Action<CredentialKeyCheck> requireKey, CancellationToken cancellationToken)
    {
        string? key = newPassword is null ? null : KeyText(keys);
        Row? row = Find(identity);
        if (row is null)
        {
            return Task.FromResult<CredentialUpdateResult?>(null);
        }

        VCenterCredentialValues? values = decide(Copy(row.Credential));
        if (values is null)
        {
            return Task.FromResult<CredentialUpdateResult?>(new CredentialUpdateResult(row.Credential, 0));
        }

        if (newPassword is not null)
        {
            requireKey(CheckKey(keys, row));
        }

        if (_rows.Any(r => r != row && HubCollation.Equal(r.Credential.Name, values.Name)))
        {
            throw CredentialErrors.Exists(values.Name);
        }

        int cleared = 0;
        if (values.IsDefault)
        {
            cleared = _rows.Count(r => r != row && r.Credential.IsDefault);
            _rows.Where(r => r != row).ToList().ForEach(r => r.Credential.IsDefault = false);
        }

        Apply(row.Credential, values);
        if (newPassword is not null)
        {
            row.Key = key;
            row.Password = Reveal(newPassword);
        }

        Writes++;
        return Task.FromResult<CredentialUpdateResult?>(new CredentialUpdateResult(row.Credential, cleared));
    }

    public Task<CredentialRemoval?> DeleteAsync(int credentialId, Action<VCenterCredential, int> check, CancellationToken cancellationToken)
    {
        Row? row = _rows.SingleOrDefault(r => r.Credential.Id == credentialId);
        if (row is null)
        {
            return Task.FromResult<CredentialRemoval?>(null);
        }

        int references = References.TryGetValue(credentialId, out int count) ? count : 0;
        check(row.Credential, references);
        _rows.Remove(row);
        Writes++;
        return Task.FromResult<CredentialRemoval?>(new CredentialRemoval(row.Credential, references));
    }

    private static string KeyText(CredentialKeySource keys) => Convert.ToBase64String(keys.ReadKey("test"));

    private static void Apply(VCenterCredential credential, VCenterCredentialValues values)
    {
        credential.Name = values.Name;
        credential.VCenter = values.VCenter;
        credential.UserName = values.UserName;
        credential.Datacenter = values.Datacenter;
        credential.IsActive = values.IsActive;
        credential.IsDefault = values.IsDefault;
    }

    private static VCenterCredential Copy(VCenterCredential c) => new VCenterCredential
    {
        Id = c.Id, Name = c.Name, VCenter = c.VCenter, UserName = c.UserName, Datacenter = c.Datacenter, IsActive = c.IsActive, IsDefault = c.IsDefault,
    };

    private Row? Find(VCenterCredentialIdentity identity) => identity.Id is int id
        ? _rows.SingleOrDefault(r => r.Credential.Id == id)
        : _rows.SingleOrDefault(r => HubCollation.Equal(r.Credential.Name, identity.Name));

    private sealed class Row
    {
        public Row(VCenterCredential credential, string? key, string password)
        {
            Credential = credential;
            Key = key;
            Password = password;
        }

        public VCenterCredential Credential { get; }

        public string? Key { get; set; }

        public string Password { get; set; }
    }
}
