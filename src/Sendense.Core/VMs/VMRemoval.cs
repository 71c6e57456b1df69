namespace Sendense.Core.VMs;

/// <summary>
/// One Remove-SendenseVM: resolves every item with its busy state (one query per kind of item), refuses busy VMs
/// without -Force, asks once for the whole set, then deletes in one statement that repeats the busy rule, so a job
/// that starts in between still protects its VM. Everything that hangs off a context goes with it through the
/// schema's ON DELETE CASCADE keys.
/// </summary>
internal sealed class VMRemoval
{
    private readonly IVMStore _store;
    private readonly IOutcomeObserver<VM> _observer;

    private readonly Action<VM>? _removed;
    private readonly bool _highImpact;

    /// <summary>A removal; <paramref name="removed"/> hears each VM that is gone afterwards (Update-SendenseVM outputs it as Removed).</summary>
    internal VMRemoval(IVMStore store, IOutcomeObserver<VM> observer, Action<VM>? removed = null, bool highImpact = false)
    {
        _removed = removed;
        _highImpact = highImpact;
        _store = store;
        _observer = observer;
    }

    internal async Task RemoveAsync(VMRemoveRequest request, CancellationToken cancellationToken)
    {
        if (request.Items.Count == 0)
        {
            return;
        }

        IReadOnlyList<VMRemovalTarget> targets = await ResolveAsync(request.Items, cancellationToken).ConfigureAwait(false);
        var chosen = new List<VMRemovalTarget>();
        var targetOf = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (VMRemoveItem item in request.Items)
        {
            List<VMRemovalTarget> matches = targets.Where(t => item.Matches(t.VM)).ToList();
            if (matches.Count == 0 && !item.IsPattern)
            {
                _observer.Outcome(Outcome.Fail<VM>(item.Target, Messages.VMs.NothingToRemove(_store.Hub, item.Describe())));
                continue;
            }

            foreach (VMRemovalTarget match in matches.Where(m => !targetOf.ContainsKey(m.VM.ContextId)))
            {
                targetOf[match.VM.ContextId] = item.Target;
                if (item.Name is not null && !item.IsPattern && HubCollation.EqualOnlyToTheHub(item.Name, match.VM.Name))
                {
                    _observer.Warning(Messages.EqualToTheHub("VM", item.Name, match.VM.Name));
                }

                if (match.BusyReason is not null && !request.Force)
                {
                    _observer.Outcome(Outcome.Fail<VM>(item.Target, Messages.VMs.Busy(match.VM, match.BusyReason)));
                    continue;
                }

                chosen.Add(match);
            }
        }

        await DeleteAsync(chosen, targetOf, request.Force, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteAsync(List<VMRemovalTarget> chosen, Dictionary<string, object> targetOf, bool force, CancellationToken cancellationToken)
    {
        if (chosen.Count == 0)
        {
            return;
        }

        IReadOnlyList<bool> answers = await _observer.ConfirmAsync(
            chosen.Select(t => new ChangeRequest(Messages.VM(t.VM), Messages.VMs.RemovalAction(t)) { HighImpact = _highImpact }).ToList(), cancellationToken).ConfigureAwait(false);
        List<VMRemovalTarget> approved = chosen.Where((_, i) => answers[i]).ToList();
        if (approved.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<string, VMRemovalResult> results =
            await _store.RemoveAsync(approved.Select(t => t.VM.ContextId).ToList(), force, cancellationToken).ConfigureAwait(false);
        foreach (VMRemovalTarget target in approved)
        {
            switch (results[target.VM.ContextId])
            {
                case VMRemovalResult.Removed:
                    _observer.Verbose($"Removed {Messages.VM(target.VM)} from hub management.");
                    _removed?.Invoke(target.VM);
                    break;
                case VMRemovalResult.AlreadyGone:
                    _observer.Verbose($"{Messages.VM(target.VM)} was already removed by someone else.");
                    _removed?.Invoke(target.VM);
                    break;
                default:
                    _observer.Outcome(Outcome.Fail<VM>(targetOf[target.VM.ContextId], Messages.VMs.Busy(target.VM, "a job started on it while it was being removed")));
                    break;
            }
        }
    }

    private async Task<IReadOnlyList<VMRemovalTarget>> ResolveAsync(IReadOnlyList<VMRemoveItem> items, CancellationToken cancellationToken)
    {
        var targets = new List<VMRemovalTarget>();
        string[] ids = items.Where(i => i.ContextId is not null).Select(i => i.ContextId!).Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length > 0)
        {
            targets.AddRange(await _store.QueryForRemovalAsync(new VMQuery { ContextIds = ids }, cancellationToken).ConfigureAwait(false));
        }

        string[] names = items.Where(i => i.Name is not null).Select(i => i.Name!).Distinct(StringComparer.Ordinal).ToArray();
        if (names.Length > 0)
        {
            targets.AddRange(await _store.QueryForRemovalAsync(new VMQuery { Names = names }, cancellationToken).ConfigureAwait(false));
        }

        return targets;
    }
}
