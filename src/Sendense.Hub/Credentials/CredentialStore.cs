using Sendense.Core.Credentials;

namespace Sendense.Hub.Credentials;

/// <summary>The credential use cases' store over the hub's vmware_credentials table (SQL in CredentialSql).</summary>
public sealed class CredentialStore : ICredentialStore
{
    private readonly HubConnection _hub;

    /// <summary>A store for one hub connection.</summary>
    public CredentialStore(HubConnection hub) => _hub = hub ?? throw new ArgumentNullException(nameof(hub));

    /// <inheritdoc />
    public string Hub => _hub.ToString();

    /// <inheritdoc />
    public Task<IReadOnlyList<VCenterCredential>> ListAsync(CancellationToken cancellationToken) =>
        VCenterCredentialEngine.ListAsync(_hub, cancellationToken);

    /// <inheritdoc />
    public Task<VCenterCredential?> FindAsync(VCenterCredentialIdentity identity, CancellationToken cancellationToken) =>
        VCenterCredentialEngine.FindAsync(_hub, identity, cancellationToken);

    /// <inheritdoc />
    public Task<ResolvedVCenterCredential> ResolveAsync(VCenterCredentialIdentity identity, CredentialKeySource keys, CancellationToken cancellationToken) =>
        VCenterCredentialEngine.ResolveAsync(_hub, identity, keys, cancellationToken);

    /// <inheritdoc />
    public Task<bool> RecordUseAsync(int credentialId, CancellationToken cancellationToken) =>
        VCenterCredentialEngine.RecordUseAsync(_hub, credentialId, cancellationToken);
}
