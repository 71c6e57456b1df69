namespace Sendense.Core.Credentials;

/// <summary>
/// Which listed credentials a Get-SendenseVCenterCredential query selects, in the order asked: by id, the default
/// (<see cref="VCenterCredentialRules.DefaultOf"/>), or by name with the module's one wildcard, names compared as
/// the hub compares them (<see cref="HubCollation"/>). A plain name or an id that matches nothing is a failure for
/// that input; a wildcard that matches nothing is not.
/// </summary>
public static class CredentialSelector
{
    /// <summary>One outcome per selected credential or per miss; the same credential may come more than once.</summary>
    public static IEnumerable<Outcome<VCenterCredential>> Select(VCenterCredentialQuery query, IReadOnlyList<VCenterCredential> all, string hub)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        if (query.Ids is { Count: > 0 } ids)
        {
            return ids.Select(id => all.FirstOrDefault(c => c.Id == id) is VCenterCredential found
                ? Outcome.Of<VCenterCredential>(id, found)
                : Outcome.Fail<VCenterCredential>(id, CredentialErrors.NotFound(hub, new VCenterCredentialIdentity(id))));
        }

        if (query.DefaultOnly)
        {
            VCenterCredential? current = VCenterCredentialRules.DefaultOf(all);
            return new[] { current is null ? Outcome.Fail<VCenterCredential>(null, CredentialErrors.NoDefault(hub)) : Outcome.Of<VCenterCredential>(null, current) };
        }

        if (query.Names is not { Count: > 0 } names)
        {
            return all.Select(c => Outcome.Of<VCenterCredential>(null, c));
        }

        return names.SelectMany(name => ByName(name, all, hub));
    }

    private static IEnumerable<Outcome<VCenterCredential>> ByName(string name, IReadOnlyList<VCenterCredential> all, string hub)
    {
        var pattern = new Wildcard(name);
        if (pattern.HasWildcards)
        {
            return all.Where(c => pattern.IsMatch(c.Name)).Select(c => Outcome.Of<VCenterCredential>(name, c));
        }

        VCenterCredential? match = all.FirstOrDefault(c => pattern.IsMatch(c.Name));
        return new[]
        {
            match is null
                ? Outcome.Fail<VCenterCredential>(name, CredentialErrors.NotFound(hub, "'" + pattern.Literal + "'"))
                : Outcome.Of<VCenterCredential>(name, match),
        };
    }
}
