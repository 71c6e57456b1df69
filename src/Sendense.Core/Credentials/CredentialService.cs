using Sendense.Core.VSphere;

namespace Sendense.Core.Credentials;

/// <summary>
/// The use cases of the stored vCenter credentials (Get-, New-, Set-, Remove-, Test-SendenseVCenterCredential, and
/// the -VCenterCredential of discovery and add): the one place of their rules. What the hub must do atomically runs
/// in the store's transactions, with the rule passed in (<see cref="ICredentialStore.UpdateAsync"/>,
/// <see cref="ICredentialStore.DeleteAsync"/>), so the decision and the write can never disagree.
/// </summary>
public sealed class CredentialService
{
    private readonly ICredentialStore _store;
    private readonly Func<VCenterConnectionOptions, CancellationToken, Task<VCenterLoginResult>> _login;

    /// <summary>The use cases over a hub's credential table.</summary>
    public CredentialService(ICredentialStore store)
        : this(store, VCenterLogin.TestAsync)
    {
    }

    /// <summary>With another vCenter login (tests).</summary>
    internal CredentialService(ICredentialStore store, Func<VCenterConnectionOptions, CancellationToken, Task<VCenterLoginResult>> login)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _login = login ?? throw new ArgumentNullException(nameof(login));
    }

    /// <summary>Get-SendenseVCenterCredential: the selected credentials, each once; a plain name or id that matches nothing is an error.</summary>
    public async Task GetAsync(VCenterCredentialQuery query, IOutcomeObserver<VCenterCredential> observer, CancellationToken cancellationToken)
    {
        foreach (Outcome<VCenterCredential> outcome in await SelectAsync(query, cancellationToken).ConfigureAwait(false))
        {
            observer.Outcome(outcome);
        }
    }

    /// <summary>
    /// Get-SendenseVCenterCredential -AsPSCredential: the selected active credentials with their passwords decrypted,
    /// each counted as a use. A credential that cannot be read fails alone; a missing or unusable key stops.
    /// </summary>
    public async Task GetPasswordsAsync(VCenterCredentialQuery query, CredentialKeySource keys, IOutcomeObserver<ResolvedVCenterCredential> observer,
        CancellationToken cancellationToken)
    {
        foreach (Outcome<VCenterCredential> selected in await SelectAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (selected.Value is not VCenterCredential credential)
            {
                observer.Outcome(Outcome.Fail<ResolvedVCenterCredential>(selected.Input, selected.Error!));
                continue;
            }

            ResolvedVCenterCredential? resolved = null;
            try
            {
                resolved = await _store.ResolveAsync(new VCenterCredentialIdentity(credential.Id), keys, cancellationToken).ConfigureAwait(false);
                WarnAbout(resolved, observer);
                await _store.RecordUseAsync(resolved.Id, cancellationToken).ConfigureAwait(false);
            }
            catch (SendenseException exception) when (!ErrorTable.Stops(exception))
            {
                resolved?.Dispose();
                observer.Outcome(Outcome.Fail<ResolvedVCenterCredential>(credential, exception));
                continue;
            }

            observer.Verbose($"Read the password of vCenter credential '{resolved.Name}' into a PSCredential; counted as a use.");
            observer.Outcome(Outcome.Of(credential, resolved));
        }
    }

    /// <summary>One credential by name, id or object, without its password; VCenterCredentialNotFound when there is none.</summary>
    public async Task<VCenterCredential> ReadAsync(VCenterCredentialIdentity identity, CancellationToken cancellationToken) =>
        await _store.FindAsync(identity, cancellationToken).ConfigureAwait(false) ?? throw CredentialErrors.NotFound(_store.Hub, identity);

    /// <summary>
    /// New-SendenseVCenterCredential: checks the fields, asks, refuses a key that is not the hub's, stores the row
    /// with the password encrypted. Null when the user said no (or -WhatIf).
    /// </summary>
    public async Task<VCenterCredential?> CreateAsync(NewVCenterCredentialSpec spec, CredentialKeySource keys, IOperationObserver observer,
        CancellationToken cancellationToken)
    {
        VCenterCredentialValues values = CredentialChangePlanner.ForCreate(spec);
        string target = $"'{values.Name}' ({values.UserName} at {values.VCenter}, datacenter {values.Datacenter})";
        if (!await ConfirmAsync(observer, target, "Add vCenter credential" + (values.IsDefault ? " as the default" : string.Empty), cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        VCenterCredential created = await _store.InsertAsync(values, spec.Password!, keys, check => RequireHubKey(check, values.Name, keys),
            cancellationToken).ConfigureAwait(false);
        observer.Verbose($"Stored vCenter credential '{created.Name}' (id {created.Id}) in hub {_store.Hub}; the password was encrypted with the key from {keys.Describe()}.");
        if (created.IsDefault)
        {
            observer.Verbose($"'{created.Name}' is now the default vCenter credential.");
        }

        return created;
    }

    /// <summary>
    /// Set-SendenseVCenterCredential: asks, then changes the row in one transaction (the default switch included).
    /// A new password is encrypted only under the hub's key. Null when the user said no.
    /// </summary>
    public async Task<VCenterCredential?> UpdateAsync(VCenterCredentialIdentity identity, VCenterCredentialChanges changes, CredentialKeySource keys,
        IOperationObserver observer, CancellationToken cancellationToken)
    {
        _ = identity ?? throw new ArgumentNullException(nameof(identity));
        string label = (changes ?? throw new ArgumentNullException(nameof(changes))).NewName ?? identity.Name ?? identity.ToString();
        if (changes.Password is not null)
        {
            VCenterCredentialRules.RequirePassword(changes.Password, label);
        }

        if (changes.IsEmpty)
        {
            observer.Verbose($"Nothing to change for vCenter credential {identity}.");
        }

        if (!await ConfirmAsync(observer, $"vCenter credential {identity}", "Change " + CredentialChangePlanner.Describe(changes), cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        bool defaultDropped = false;
        CredentialUpdateResult result = await _store.UpdateAsync(identity, current =>
            {
                if (changes.IsEmpty)
                {
                    return null;
                }

                VCenterCredentialValues values = CredentialChangePlanner.ForUpdate(current, changes, out bool dropped);
                defaultDropped = dropped;
                return values;
            }, changes.Password, keys, check => RequireHubKey(check, label, keys), cancellationToken).ConfigureAwait(false)
            ?? throw CredentialErrors.NotFound(_store.Hub, identity);

        VCenterCredential updated = result.Credential;
        if (changes.Password is not null)
        {
            observer.Verbose($"Encrypted the new password of '{updated.Name}' with the key from {keys.Describe()}.");
        }

        if (result.OtherDefaultsCleared > 0)
        {
            observer.Verbose($"'{updated.Name}' is now the default vCenter credential; the previous default stopped being one.");
        }

        if (defaultDropped)
        {
            observer.Warning($"'{updated.Name}' was the default vCenter credential; now that it is inactive there is no default. Choose one with: Set-SendenseVCenterCredential -Name <name> -Default");
        }

        observer.Verbose($"Changed vCenter credential '{updated.Name}' (id {updated.Id}) in hub {_store.Hub}.");
        return updated;
    }

    /// <summary>
    /// Remove-SendenseVCenterCredential: refuses while VMs use the credential unless <paramref name="force"/>, asks
    /// (naming the VMs that would lose it), and removes it; the refusal is checked again on the locked row.
    /// </summary>
    public async Task RemoveAsync(VCenterCredentialIdentity identity, bool force, IOperationObserver observer, CancellationToken cancellationToken)
    {
        VCenterCredential current = await ReadAsync(identity, cancellationToken).ConfigureAwait(false);
        int references = await _store.CountReferencesAsync(current.Id, cancellationToken).ConfigureAwait(false);
        RequireRemovable(current, references, force);
        string target = $"'{current.Name}' ({current.UserName} at {current.VCenter})" +
            (references > 0 ? $", used by {references} VM(s) that will be left without a credential" : string.Empty);
        if (!await ConfirmAsync(observer, target, "Remove vCenter credential", cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        CredentialRemoval removal = await _store.DeleteAsync(current.Id, (row, count) => RequireRemovable(row, count, force), cancellationToken).ConfigureAwait(false)
            ?? throw CredentialErrors.NotFound(_store.Hub, identity);
        if (removal.ReferencingVMs > 0)
        {
            observer.Warning($"Removed vCenter credential '{removal.Credential.Name}': {removal.ReferencingVMs} VM(s) in the hub now have no credential; " +
                "the hub cannot back them up until they get one again.");
        }

        if (removal.Credential.IsDefault)
        {
            observer.Verbose($"'{removal.Credential.Name}' was the default vCenter credential; there is no default now.");
        }

        observer.Verbose($"Removed vCenter credential '{removal.Credential.Name}' (id {removal.Credential.Id}) from hub {_store.Hub}.");
    }

    /// <summary>
    /// The credential a command logs in with (-VCenterCredential), its password decrypted; any failure stops the
    /// command, since nothing can be done without it. Does not count a use: <see cref="RecordUseAsync"/> does, after.
    /// </summary>
    public async Task<ResolvedVCenterCredential> ResolveForLoginAsync(VCenterCredentialIdentity identity, CredentialKeySource keys, IOperationObserver observer,
        CancellationToken cancellationToken)
    {
        ResolvedVCenterCredential credential;
        try
        {
            credential = await _store.ResolveAsync(identity, keys, cancellationToken).ConfigureAwait(false);
        }
        catch (SendenseException exception) when (exception.StopsCommand is null)
        {
            throw new SendenseException(exception.Code, exception.Message, exception.InnerException) { IsTransient = exception.IsTransient, StopsCommand = true };
        }

        WarnAbout(credential, observer);
        observer.Verbose($"Using vCenter credential '{credential.Name}' (id {credential.Id}): {credential.UserName} at {credential.VCenter}.");
        return credential;
    }

    /// <summary>Counts one use after the work it served succeeded; a failure to count is a warning, never an error.</summary>
    public async Task<bool> RecordUseAsync(int credentialId, IOperationObserver observer, CancellationToken cancellationToken)
    {
        try
        {
            return await _store.RecordUseAsync(credentialId, cancellationToken).ConfigureAwait(false);
        }
        catch (SendenseException exception)
        {
            observer.Warning($"Could not count the use of vCenter credential {credentialId}: {exception.Message}");
            return false;
        }
    }

    /// <summary>
    /// Test-SendenseVCenterCredential: logs in and out with the stored credential. A refused login is a result, not
    /// an error; a credential that cannot be read stops. A successful login counts as a use.
    /// </summary>
    public async Task<VCenterCredentialTestResult> TestAsync(VCenterCredentialTestRequest request, IOperationObserver observer, CancellationToken cancellationToken)
    {
        VCenterCredentialIdentity identity = request?.Identity ?? throw new ArgumentNullException(nameof(request));
        using ResolvedVCenterCredential credential = await ResolveForLoginAsync(identity, request.Keys, observer, cancellationToken).ConfigureAwait(false);
        try
        {
            VCenterLoginResult login = await _login(CredentialLoginTest.Options(credential, request), cancellationToken).ConfigureAwait(false);
            await RecordUseAsync(credential.Id, observer, cancellationToken).ConfigureAwait(false);
            observer.Verbose($"vCenter {credential.VCenter} accepted credential '{credential.Name}' as {login.UserName}; logged out again.");
            return CredentialLoginTest.Succeeded(credential, login);
        }
        catch (SendenseException exception) when (exception.Code is not SendenseErrorCode.Unexpected)
        {
            observer.Verbose($"Credential '{credential.Name}' did not log in to {credential.VCenter}: {exception.Code}.");
            return CredentialLoginTest.Failed(credential, exception);
        }
    }

    /// <summary>Tab completion: the credentials whose names start with <paramref name="prefix"/> as the hub compares names.</summary>
    public async Task<IReadOnlyList<VCenterCredential>> CompleteAsync(string prefix, int limit, CancellationToken cancellationToken)
    {
        var pattern = new Wildcard(Wildcard.Escape(prefix ?? string.Empty) + "*");
        IReadOnlyList<VCenterCredential> all = await _store.ListAsync(cancellationToken).ConfigureAwait(false);
        return all.Where(c => pattern.IsMatch(c.Name)).Take(limit).ToList();
    }

    // The selection once per pipeline (the hub is listed once), each credential once.
    private async Task<IReadOnlyList<Outcome<VCenterCredential>>> SelectAsync(VCenterCredentialQuery query, CancellationToken cancellationToken)
    {
        query.Listed ??= await _store.ListAsync(cancellationToken).ConfigureAwait(false);
        return CredentialSelector.Select(query, query.Listed, _store.Hub)
            .Where(outcome => outcome.Value is null || query.Written.Add(outcome.Value.Id))
            .ToList();
    }

    // The in-use rule: VMs that point at a credential lose it with it, which the hub cannot back up.
    private static void RequireRemovable(VCenterCredential credential, int references, bool force)
    {
        if (references > 0 && !force)
        {
            throw CredentialErrors.InUse(credential.Name, references);
        }
    }

    // A new password under a key that opens none of the stored ones could never be read by the hub (D3). The store
    // runs this inside the write's transaction, so a refusal writes nothing.
    private static void RequireHubKey(CredentialKeyCheck check, string name, CredentialKeySource keys)
    {
        if (check.IsMismatch)
        {
            throw CredentialErrors.KeyMismatch(name, keys.Describe(), check);
        }
    }

    private static void WarnAbout(ResolvedVCenterCredential credential, IOperationObserver observer)
    {
        if (credential.Warning is not null)
        {
            observer.Warning(credential.Warning);
        }
    }

    private static async Task<bool> ConfirmAsync(IOperationObserver observer, string target, string action, CancellationToken cancellationToken) =>
        (await observer.ConfirmAsync(new[] { new ChangeRequest(target, action) }, cancellationToken).ConfigureAwait(false))[0];
}
