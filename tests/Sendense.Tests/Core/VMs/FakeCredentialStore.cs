using Sendense.Core.Credentials;

namespace Sendense.Tests.Core.VMs;

/// <summary>An in-memory ICredentialStore: the credentials it lists, and the uses it counted.</summary>
internal sealed class FakeCredentialStore : ICredentialStore
{
    internal List<VCenterCredential> Credentials { get; } = new List<VCenterCredential>();

    internal List<int> Uses { get; } = new List<int>();

    public string Hub => "fake@hub:3306/migratekit_oma";

    public Task<IReadOnlyList<VCenterCredential>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<VCenterCredential>>(Credentials.ToList());

    public Task<VCenterCredential?> FindAsync(VCenterCredentialIdentity identity, CancellationToken cancellationToken) =>
        Task.FromResult(Credentials.FirstOrDefault(c => identity.Id == c.Id || HubCollation.Equal(identity.Name, c.Name)));

    public Task<ResolvedVCenterCredential> ResolveAsync(VCenterCredentialIdentity identity, CredentialKeySource keys, CancellationToken cancellationToken) =>
        throw new NotSupportedException("These tests add discovered VMs; no login is needed.");

    public Task<bool> RecordUseAsync(int credentialId, CancellationToken cancellationToken)
    {
        Uses.Add(credentialId);
        return Task.FromResult(true);
    }

    internal static VCenterCredential Make(int id, string name, string vcenter, bool active = true, bool isDefault = false) => new VCenterCredential
    {
        Id = id,
        Name = name,
        VCenter = vcenter,
        UserName = "administrator@vsphere.local",
        Datacenter = "DC0",
        IsActive = active,
        IsDefault = isDefault,
    };
}
