using System.Security;
using Dapper;
using MySqlConnector;
using Sendense.Core.Credentials;
using Sendense.Hub.Connection;

namespace Sendense.Hub.Credentials;

/// <summary>
/// The vCenter credentials kept in the hub (vmware_credentials), read and written exactly as the hub does, minus its
/// bugs: the default switches in one transaction, is_active is honoured on insert, a credential that VMs use is not
/// removed without force, uses are counted atomically, and a password is never written unencrypted.
/// Entry point of the credential cmdlets, of -VCenterCredential on discovery and add, and of the credential test.
/// </summary>
public static class VCenterCredentialEngine
{
    /// <summary>Every stored credential (active or not), sorted by name.</summary>
    public static Task<IReadOnlyList<Sendense.VCenterCredential>> ListAsync(Sendense.HubConnection hub, CancellationToken cancellationToken) =>
        Run(hub, "listing vCenter credentials", async connection =>
        {
            IEnumerable<CredentialRow> rows = await connection.QueryAsync<CredentialRow>(
                new CommandDefinition(CredentialSql.SelectAll, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return (IReadOnlyList<Sendense.VCenterCredential>)rows.Select(r => r.ToCredential()).ToList();
        }, cancellationToken);

    /// <summary>One credential by name or id, or null when there is none.</summary>
    public static Task<Sendense.VCenterCredential?> FindAsync(Sendense.HubConnection hub, VCenterCredentialIdentity identity, CancellationToken cancellationToken) =>
        Run(hub, $"reading vCenter credential {identity}", async connection =>
            (await QueryRowAsync(connection, null, identity, forUpdate: false, cancellationToken).ConfigureAwait(false))?.ToCredential(),
            cancellationToken);

    /// <summary>One credential by name or id; a VCenterCredentialNotFound error when there is none.</summary>
    public static async Task<Sendense.VCenterCredential> GetAsync(Sendense.HubConnection hub, VCenterCredentialIdentity identity, CancellationToken cancellationToken) =>
        await FindAsync(hub, identity, cancellationToken).ConfigureAwait(false) ?? throw NotFound(hub, identity);

    /// <summary>
    /// Stores a new credential with its password encrypted under the hub's key. With IsDefault every other credential
    /// stops being the default in the same transaction.
    /// </summary>
    public static async Task<Sendense.VCenterCredential> CreateAsync(Sendense.HubConnection hub, NewVCenterCredentialSpec spec,
        CredentialKeySource keys, CancellationToken cancellationToken)
    {
        if (spec is null)
        {
            throw new ArgumentNullException(nameof(spec));
        }

        string name = VCenterCredentialRules.RequireText(spec.Name, "name", spec.Name ?? string.Empty);
        string vCenter = VCenterCredentialRules.RequireText(VCenterCredentialRules.NormalizeVCenter(spec.VCenter), "vCenter host", name);
        string userName = VCenterCredentialRules.RequireText(spec.UserName, "user name", name);
        string datacenter = VCenterCredentialRules.RequireText(spec.Datacenter, "datacenter", name);
        string createdBy = VCenterCredentialRules.RequireText(spec.CreatedBy ?? VCenterCredentialRules.DefaultCreatedBy, "creator", name);
        RequirePassword(spec.Password, name);
        if (spec.IsDefault && !spec.IsActive)
        {
            throw new SendenseException(SendenseErrorCode.VCenterCredentialInvalid,
                $"The vCenter credential '{name}' cannot be the default while it is inactive: only active credentials are used.");
        }

        // Encrypt before touching the database, so a missing or wrong key stops the command with nothing written.
        string stored = StoredPassword.Seal(spec.Password!, keys, name);
        return await Run(hub, $"adding vCenter credential '{name}'", async connection =>
        {
            using MySqlTransaction transaction = connection.BeginTransaction();
            if (spec.IsDefault)
            {
                await connection.ExecuteAsync(new CommandDefinition(CredentialSql.ClearOtherDefaults, new { Id = 0 }, transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            long id;
            try
            {
                id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CredentialSql.Insert,
                    new { Name = name, VCenter = vCenter, UserName = userName, Stored = stored, Datacenter = datacenter,
                        IsActive = spec.IsActive, IsDefault = spec.IsDefault, CreatedBy = createdBy },
                    transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            catch (MySqlException exception) when (exception.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
            {
                throw Exists(name, exception);
            }

            CredentialRow row = await QueryByIdAsync(connection, transaction, (int)id, cancellationToken).ConfigureAwait(false)
                ?? throw new SendenseException(SendenseErrorCode.Unexpected, $"The vCenter credential '{name}' was not found right after it was added.");
            transaction.Commit();
            return row.ToCredential();
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Changes a credential in one transaction. Making it the default clears every other default; deactivating
    /// the default also clears its flag. A new password is encrypted under the hub's key (keys are read only then).
    /// </summary>
    public static async Task<VCenterCredentialUpdateResult> UpdateAsync(Sendense.HubConnection hub, VCenterCredentialIdentity identity,
        VCenterCredentialChanges changes, CredentialKeySource keys, CancellationToken cancellationToken)
    {
        if (identity is null)
        {
            throw new ArgumentNullException(nameof(identity));
        }

        if (changes is null)
        {
            throw new ArgumentNullException(nameof(changes));
        }

        string label = changes.NewName ?? identity.Name ?? identity.ToString();
        string? stored = null;
        if (changes.Password is not null)
        {
            RequirePassword(changes.Password, label);
            stored = StoredPassword.Seal(changes.Password, keys, label);
        }

        return await Run(hub, $"changing vCenter credential {identity}", async connection =>
        {
            using MySqlTransaction transaction = connection.BeginTransaction();
            CredentialRow current = await QueryRowAsync(connection, transaction, identity, forUpdate: true, cancellationToken).ConfigureAwait(false)
                ?? throw NotFound(hub, identity);
            if (changes.IsEmpty)
            {
                transaction.Commit();
                return new VCenterCredentialUpdateResult(current.ToCredential(), 0, false);
            }

            string name = changes.NewName is null ? current.Name : VCenterCredentialRules.RequireText(changes.NewName, "name", current.Name);
            string vCenter = changes.VCenter is null ? current.VCenter
                : VCenterCredentialRules.RequireText(VCenterCredentialRules.NormalizeVCenter(changes.VCenter), "vCenter host", current.Name);
            string userName = changes.UserName is null ? current.UserName : VCenterCredentialRules.RequireText(changes.UserName, "user name", current.Name);
            string datacenter = changes.Datacenter is null ? current.Datacenter : VCenterCredentialRules.RequireText(changes.Datacenter, "datacenter", current.Name);
            bool active = changes.IsActive ?? current.IsActive != 0;
            bool isDefault = changes.IsDefault ?? current.IsDefault != 0;
            bool defaultDropped = false;
            if (!active && isDefault)
            {
                if (changes.IsDefault == true)
                {
                    throw new SendenseException(SendenseErrorCode.VCenterCredentialInvalid,
                        $"The vCenter credential '{current.Name}' cannot be the default while it is inactive: only active credentials are used. Add -Active $true.");
                }

                isDefault = false;
                defaultDropped = true;
            }

            int cleared = 0;
            if (isDefault)
            {
                cleared = await connection.ExecuteAsync(new CommandDefinition(CredentialSql.ClearOtherDefaults, new { Id = current.Id }, transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
            }

            try
            {
                await connection.ExecuteAsync(new CommandDefinition(CredentialSql.Update,
                    new { Id = current.Id, Name = name, VCenter = vCenter, UserName = userName, Datacenter = datacenter,
                        IsActive = active, IsDefault = isDefault, Stored = stored },
                    transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            catch (MySqlException exception) when (exception.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
            {
                throw Exists(name, exception);
            }

            CredentialRow row = await QueryByIdAsync(connection, transaction, (int)current.Id, cancellationToken).ConfigureAwait(false)
                ?? throw NotFound(hub, identity);
            transaction.Commit();
            return new VCenterCredentialUpdateResult(row.ToCredential(), cleared, defaultDropped);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many VM contexts use the credential (vm_replication_contexts.credential_id).</summary>
    public static Task<int> CountReferencesAsync(Sendense.HubConnection hub, int credentialId, CancellationToken cancellationToken) =>
        Run(hub, "counting the VMs that use a vCenter credential", async connection =>
            (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(CredentialSql.CountReferences, new { Id = credentialId },
                cancellationToken: cancellationToken)).ConfigureAwait(false), cancellationToken);

    /// <summary>
    /// Removes a credential. While VM contexts reference it, refuses with VCenterCredentialInUse unless
    /// <paramref name="force"/>; then the foreign key empties their credential_id. The check and the delete run in one
    /// transaction with the credential row locked, so a VM added meanwhile with this credential waits for the outcome.
    /// </summary>
    public static Task<VCenterCredentialRemoval> RemoveAsync(Sendense.HubConnection hub, VCenterCredentialIdentity identity, bool force,
        CancellationToken cancellationToken) =>
        Run(hub, $"removing vCenter credential {identity}", async connection =>
        {
            using MySqlTransaction transaction = connection.BeginTransaction();
            CredentialRow row = await QueryRowAsync(connection, transaction, identity, forUpdate: true, cancellationToken).ConfigureAwait(false)
                ?? throw NotFound(hub, identity);
            int references = (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(CredentialSql.CountReferences,
                new { Id = row.Id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (references > 0 && !force)
            {
                throw new SendenseException(SendenseErrorCode.VCenterCredentialInUse,
                    $"The vCenter credential '{row.Name}' is used by {references} VM(s) in the hub (vm_replication_contexts.credential_id); " +
                    "the hub needs it to back them up. Nothing was removed. Use -Force to remove it anyway: those VMs are then left without a credential.");
            }

            await connection.ExecuteAsync(new CommandDefinition(CredentialSql.Delete, new { Id = row.Id }, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            transaction.Commit();
            return new VCenterCredentialRemoval(row.ToCredential(), references);
        }, cancellationToken);

    /// <summary>
    /// An active credential by name, id or object, with its password decrypted into a read-only SecureString.
    /// Errors: VCenterCredentialNotFound, VCenterCredentialInactive, CredentialKeyMissing, CredentialKeyInvalid,
    /// CredentialDecryptionFailed, CredentialPasswordCorrupt, CredentialPasswordNotEncrypted; each names the
    /// credential and says what to do, none contains the password, the key or the stored value.
    /// Does not count a use: call RecordUseAsync once the login it served has succeeded.
    /// </summary>
    public static Task<ResolvedVCenterCredential> ResolveAsync(Sendense.HubConnection hub, VCenterCredentialIdentity identity,
        CredentialKeySource keys, CancellationToken cancellationToken)
    {
        if (identity is null)
        {
            throw new ArgumentNullException(nameof(identity));
        }

        return ResolveCoreAsync(hub, keys, $"reading vCenter credential {identity}", identity.Id is int id
            ? new CommandDefinition(CredentialSql.SecretById, new { Id = id }, cancellationToken: cancellationToken)
            : new CommandDefinition(CredentialSql.SecretByName, new { Name = identity.Name }, cancellationToken: cancellationToken),
            () => NotFound(hub, identity), cancellationToken);
    }

    /// <summary>The default credential (active, is_default, lowest id as upstream), resolved like <see cref="ResolveAsync"/>.</summary>
    public static Task<ResolvedVCenterCredential> ResolveDefaultAsync(Sendense.HubConnection hub, CredentialKeySource keys, CancellationToken cancellationToken) =>
        ResolveCoreAsync(hub, keys, "reading the default vCenter credential",
            new CommandDefinition(CredentialSql.SecretOfDefault, cancellationToken: cancellationToken),
            () => new SendenseException(SendenseErrorCode.VCenterCredentialNotFound,
                $"The hub {hub} has no active default vCenter credential. Name one with -VCenterCredential, or make one the default with: " +
                "Set-SendenseVCenterCredential -Name <name> -Default"),
            cancellationToken);

    /// <summary>
    /// Counts one use: last_used = NOW(), usage_count + 1, updated_at = NOW(), in one atomic statement.
    /// Returns false when the credential no longer exists.
    /// </summary>
    public static Task<bool> RecordUseAsync(Sendense.HubConnection hub, int credentialId, CancellationToken cancellationToken) =>
        Run(hub, "recording the use of a vCenter credential", async connection =>
            await RecordUseAsync(connection, null, credentialId, cancellationToken).ConfigureAwait(false), cancellationToken);

    /// <summary>The same, inside a caller's transaction (so a use is counted only if the caller's writes commit).</summary>
    internal static async Task<bool> RecordUseAsync(MySqlConnection connection, MySqlTransaction? transaction, int credentialId,
        CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(CredentialSql.RecordUse, new { Id = credentialId }, transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;

    private static async Task<ResolvedVCenterCredential> ResolveCoreAsync(Sendense.HubConnection hub, CredentialKeySource keys, string action,
        CommandDefinition query, Func<SendenseException> notFound, CancellationToken cancellationToken)
    {
        if (keys is null)
        {
            throw new ArgumentNullException(nameof(keys));
        }

        CredentialSecretRow row = await Run(hub, action, async connection =>
            await connection.QuerySingleOrDefaultAsync<CredentialSecretRow>(query).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)
            ?? throw notFound();
        try
        {
            if (row.IsActive == 0)
            {
                throw new SendenseException(SendenseErrorCode.VCenterCredentialInactive,
                    $"The vCenter credential '{row.Name}' is inactive, so it cannot be used to log in. Activate it with: " +
                    $"Set-SendenseVCenterCredential -Name '{row.Name}' -Active $true");
            }

            SecureString password = StoredPassword.Open(row.Stored, keys, row.Name, out string? warning);
            return new ResolvedVCenterCredential(checked((int)row.Id), row.Name, row.VCenter, row.UserName, password, row.Datacenter, warning);
        }
        finally
        {
            row.Stored = string.Empty;
        }
    }

    private static async Task<CredentialRow?> QueryRowAsync(MySqlConnection connection, MySqlTransaction? transaction,
        VCenterCredentialIdentity identity, bool forUpdate, CancellationToken cancellationToken)
    {
        if (identity.Id is int id)
        {
            return await connection.QuerySingleOrDefaultAsync<CredentialRow>(new CommandDefinition(
                forUpdate ? CredentialSql.LockById : CredentialSql.SelectById, new { Id = id }, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        return await connection.QuerySingleOrDefaultAsync<CredentialRow>(new CommandDefinition(
            forUpdate ? CredentialSql.LockByName : CredentialSql.SelectByName, new { Name = identity.Name }, transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private static Task<CredentialRow?> QueryByIdAsync(MySqlConnection connection, MySqlTransaction transaction, int id,
        CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<CredentialRow?>(new CommandDefinition(CredentialSql.SelectById, new { Id = id }, transaction,
            cancellationToken: cancellationToken));

    // Opens a pooled connection, runs the work, and turns driver failures into SendenseExceptions that name the hub.
    private static async Task<T> Run<T>(Sendense.HubConnection hub, string action, Func<MySqlConnection, Task<T>> work,
        CancellationToken cancellationToken)
    {
        HubSession session = HubEngine.SessionOf(hub);
        try
        {
            using MySqlConnection connection = await session.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not SendenseException && exception is not OperationCanceledException)
        {
            throw HubErrors.FromQuery(exception, action, hub.ToString());
        }
    }

    private static void RequirePassword(SecureString? password, string name)
    {
        if (password is null || password.Length == 0)
        {
            throw new SendenseException(SendenseErrorCode.VCenterCredentialInvalid,
                $"The vCenter credential '{name}' needs a password; it cannot be empty.");
        }
    }

    private static SendenseException NotFound(Sendense.HubConnection hub, VCenterCredentialIdentity identity) =>
        new SendenseException(SendenseErrorCode.VCenterCredentialNotFound,
            $"The hub {hub} has no vCenter credential {identity}. List them with Get-SendenseVCenterCredential.");

    private static SendenseException Exists(string name, Exception inner) =>
        new SendenseException(SendenseErrorCode.VCenterCredentialExists,
            $"A vCenter credential named '{name}' already exists in the hub (names are compared without regard to case). " +
            "Choose another name, or change the existing one with Set-SendenseVCenterCredential.", inner);
}
