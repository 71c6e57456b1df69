using System.Security;
using Dapper;
using MySqlConnector;
using Sendense.Core.Credentials;

namespace Sendense.Hub.Credentials;

/// <summary>
/// The credential use cases' store over the hub's vmware_credentials table (SQL in <see cref="CredentialSql"/>),
/// read and written as the hub does, minus its bugs: the default switches in one transaction, is_active is
/// honoured on insert, uses are counted atomically, and a password is never written unencrypted. It owns the
/// cipher: passwords come in and go out as SecureStrings, and the stored value never leaves this assembly.
/// </summary>
public sealed class CredentialStore : HubStore, ICredentialStore
{
    /// <summary>A store for one hub connection.</summary>
    public CredentialStore(HubConnection hub)
        : base(hub)
    {
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<VCenterCredential>> ListAsync(CancellationToken cancellationToken) =>
        HubQuery.ReadAsync(Connection, "listing vCenter credentials", async connection =>
        {
            // The command type is given because Dapper's netstandard2.0 build infers it with regexes it compiles on
            // first use (about 10 ms). A call with parameters compiles them anyway; this one has none and runs in every
            // Add-SendenseVM, often a process's first hub command.
            IEnumerable<VCenterCredential> rows = await connection.QueryAsync<VCenterCredential>(
                new CommandDefinition(CredentialSql.SelectAll, commandType: System.Data.CommandType.Text, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return (IReadOnlyList<VCenterCredential>)rows.AsList();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<VCenterCredential?> FindAsync(VCenterCredentialIdentity identity, CancellationToken cancellationToken) =>
        HubQuery.ReadAsync(Connection, $"reading vCenter credential {identity}", async connection =>
            await RowAsync(connection, null, identity, forUpdate: false, cancellationToken).ConfigureAwait(false),
            cancellationToken);

    /// <summary>
    /// Errors: VCenterCredentialNotFound, VCenterCredentialInactive, CredentialKeyMissing, CredentialKeyInvalid,
    /// CredentialDecryptionFailed, CredentialPasswordCorrupt, CredentialPasswordNotEncrypted; each names the
    /// credential and says what to do, none contains the password, the key or the stored value.
    /// </summary>
    /// <inheritdoc />
    public async Task<ResolvedVCenterCredential> ResolveAsync(VCenterCredentialIdentity identity, CredentialKeySource keys, CancellationToken cancellationToken)
    {
        if (identity is null || keys is null)
        {
            throw new ArgumentNullException(identity is null ? nameof(identity) : nameof(keys));
        }

        CommandDefinition query = identity.Id is int id
            ? new CommandDefinition(CredentialSql.SecretById, new { Id = id }, cancellationToken: cancellationToken)
            : new CommandDefinition(CredentialSql.SecretByName, new { identity.Name }, cancellationToken: cancellationToken);
        CredentialSecretRow row = await HubQuery.ReadAsync(Connection, $"reading vCenter credential {identity}",
                connection => connection.QuerySingleOrDefaultAsync<CredentialSecretRow?>(query), cancellationToken).ConfigureAwait(false)
            ?? throw CredentialErrors.NotFound(Hub, identity);
        try
        {
            // Upstream uses only active credentials (WHERE is_active = true); say so before touching the key.
            if (row.IsActive == 0)
            {
                throw CredentialErrors.Inactive(row.Name);
            }

            SecureString password = StoredPassword.Open(row.Stored, keys, row.Name, out string? warning);
            return new ResolvedVCenterCredential(checked((int)row.Id), row.Name, row.VCenter, row.UserName, password, row.Datacenter, warning);
        }
        finally
        {
            row.Stored = string.Empty;
        }
    }

    /// <inheritdoc />
    public Task<bool> RecordUseAsync(int credentialId, CancellationToken cancellationToken) =>
        HubQuery.RunAsync(Connection, "recording the use of a vCenter credential", async connection =>
            await connection.ExecuteAsync(new CommandDefinition(CredentialSql.RecordUse, new { Id = credentialId },
                cancellationToken: cancellationToken)).ConfigureAwait(false) > 0, cancellationToken);

    /// <inheritdoc />
    public Task<int> CountReferencesAsync(int credentialId, CancellationToken cancellationToken) =>
        HubQuery.ReadAsync(Connection, "counting the VMs that use a vCenter credential",
            connection => CountReferencesAsync(connection, null, credentialId, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<VCenterCredential> InsertAsync(VCenterCredentialValues values, SecureString password, CredentialKeySource keys,
        Action<CredentialKeyCheck> requireKey, CancellationToken cancellationToken)
    {
        // Encrypted before the database is touched, so a missing or unusable key stops with nothing written.
        string stored = StoredPassword.Seal(password, keys, values.Name);
        return HubQuery.InTransactionAsync(Connection, $"adding vCenter credential '{values.Name}'", async (connection, transaction) =>
        {
            requireKey(await CheckKeyAsync(connection, transaction, keys, values.Name, exceptId: null, cancellationToken).ConfigureAwait(false));
            if (values.IsDefault)
            {
                await ClearOtherDefaultsAsync(connection, transaction, 0, cancellationToken).ConfigureAwait(false);
            }

            long id = await UniqueAsync(values.Name, connection.ExecuteScalarAsync<long>(new CommandDefinition(CredentialSql.Insert,
                CredentialParameters.Of(0, values, stored), transaction, cancellationToken: cancellationToken))).ConfigureAwait(false);
            return await RowAsync(connection, transaction, new VCenterCredentialIdentity(checked((int)id)), forUpdate: false, cancellationToken).ConfigureAwait(false)
                ?? throw new SendenseException(SendenseErrorCode.Unexpected, $"The vCenter credential '{values.Name}' was not found right after it was added.");
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<CredentialUpdateResult?> UpdateAsync(VCenterCredentialIdentity identity, Func<VCenterCredential, VCenterCredentialValues?> decide,
        SecureString? newPassword, CredentialKeySource keys, Action<CredentialKeyCheck> requireKey, CancellationToken cancellationToken)
    {
        string? stored = newPassword is null ? null : StoredPassword.Seal(newPassword, keys, identity.Name ?? identity.ToString());
        return HubQuery.InTransactionAsync<CredentialUpdateResult?>(Connection, $"changing vCenter credential {identity}", async (connection, transaction) =>
        {
            VCenterCredential? row = await RowAsync(connection, transaction, identity, forUpdate: true, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return null;
            }

            VCenterCredentialValues? values = decide(row);
            if (values is null)
            {
                return new CredentialUpdateResult(row, 0);
            }

            if (stored is not null)
            {
                requireKey(await CheckKeyAsync(connection, transaction, keys, values.Name, row.Id, cancellationToken).ConfigureAwait(false));
            }

            int cleared = values.IsDefault ? await ClearOtherDefaultsAsync(connection, transaction, row.Id, cancellationToken).ConfigureAwait(false) : 0;
            await UniqueAsync(values.Name, connection.ExecuteAsync(new CommandDefinition(CredentialSql.Update,
                CredentialParameters.Of(row.Id, values, stored), transaction, cancellationToken: cancellationToken))).ConfigureAwait(false);
            VCenterCredential? updated = await RowAsync(connection, transaction, new VCenterCredentialIdentity(row.Id), forUpdate: false,
                cancellationToken).ConfigureAwait(false);
            return updated is null ? null : new CredentialUpdateResult(updated, cleared);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<CredentialRemoval?> DeleteAsync(int credentialId, Action<VCenterCredential, int> check, CancellationToken cancellationToken) =>
        HubQuery.InTransactionAsync<CredentialRemoval?>(Connection, $"removing vCenter credential id {credentialId}", async (connection, transaction) =>
        {
            // The row stays locked from the count to the delete, so a VM added meanwhile with it waits for the outcome.
            VCenterCredential? credential = await RowAsync(connection, transaction, new VCenterCredentialIdentity(credentialId), forUpdate: true,
                cancellationToken).ConfigureAwait(false);
            if (credential is null)
            {
                return null;
            }

            int references = await CountReferencesAsync(connection, transaction, credentialId, cancellationToken).ConfigureAwait(false);
            check(credential, references);
            await connection.ExecuteAsync(new CommandDefinition(CredentialSql.Delete, new { Id = credentialId }, transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            return new CredentialRemoval(credential, references);
        }, cancellationToken);

    // Dapper reads the row straight into the public object: the SELECT's aliases are its property names, and its
    // numbers (CAST AS SIGNED, so longs) convert to the int, bool and enum properties, overflow-checked.
    private static async Task<VCenterCredential?> RowAsync(MySqlConnection connection, MySqlTransaction? transaction,
        VCenterCredentialIdentity identity, bool forUpdate, CancellationToken cancellationToken)
    {
        CommandDefinition query = identity.Id is int id
            ? new CommandDefinition(forUpdate ? CredentialSql.LockById : CredentialSql.SelectById, new { Id = id }, transaction, cancellationToken: cancellationToken)
            : new CommandDefinition(forUpdate ? CredentialSql.LockByName : CredentialSql.SelectByName, new { identity.Name }, transaction,
                cancellationToken: cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<VCenterCredential?>(query).ConfigureAwait(false);
    }

    // The key tried on up to 20 stored AES-GCM passwords (not the one being replaced), on the write's own connection and
    // transaction: the check costs one statement, not a second trip to the pool. The key is read only when there is
    // something to try; one password it opens is enough.
    private static async Task<CredentialKeyCheck> CheckKeyAsync(MySqlConnection connection, MySqlTransaction transaction, CredentialKeySource keys,
        string credentialName, int? exceptId, CancellationToken cancellationToken)
    {
        List<StoredPasswordRow> rows = (await connection.QueryAsync<StoredPasswordRow>(new CommandDefinition(CredentialSql.EncryptedPasswords,
            new { ExceptId = exceptId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        if (rows.Count == 0)
        {
            return new CredentialKeyCheck(0, false, null);
        }

        byte[] key = keys.ReadKey($"encrypt the password of vCenter credential '{credentialName}'");
        try
        {
            bool matches = rows.Any(row => StoredPassword.DecryptsWith(key, row.Stored));
            return new CredentialKeyCheck(rows.Count, matches, matches ? null : rows[0].Name);
        }
        finally
        {
            Array.Clear(key, 0, key.Length);
            rows.ForEach(row => row.Stored = string.Empty);
        }
    }

    private static async Task<int> CountReferencesAsync(MySqlConnection connection, MySqlTransaction? transaction, int credentialId,
        CancellationToken cancellationToken) =>
        (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(CredentialSql.CountReferences, new { Id = credentialId }, transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);

    // Every other default stops being one, in the transaction of the write that makes a credential the default.
    private static Task<int> ClearOtherDefaultsAsync(MySqlConnection connection, MySqlTransaction transaction, long id, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(CredentialSql.ClearOtherDefaults, new { Id = id }, transaction, cancellationToken: cancellationToken));

    // The unique key on credential_name (utf8mb4_general_ci) is what refuses a taken name, even one written meanwhile.
    private static async Task<T> UniqueAsync<T>(string name, Task<T> write)
    {
        try
        {
            return await write.ConfigureAwait(false);
        }
        catch (MySqlException exception) when (exception.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
        {
            throw CredentialErrors.Exists(name, exception);
        }
    }
}
