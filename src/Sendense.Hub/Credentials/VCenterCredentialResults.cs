namespace Sendense.Hub.Credentials;

/// <summary>What an update did, for the cmdlet's messages.</summary>
public sealed class VCenterCredentialUpdateResult
{
    internal VCenterCredentialUpdateResult(Sendense.VCenterCredential credential, int otherDefaultsCleared, bool defaultDropped)
    {
        Credential = credential;
        OtherDefaultsCleared = otherDefaultsCleared;
        DefaultDropped = defaultDropped;
    }

    /// <summary>The credential as stored now.</summary>
    public Sendense.VCenterCredential Credential { get; }

    /// <summary>How many other credentials stopped being the default (0 or 1 unless the table was inconsistent).</summary>
    public int OtherDefaultsCleared { get; }

    /// <summary>True when deactivating it also cleared its default flag.</summary>
    public bool DefaultDropped { get; }
}

/// <summary>What a removal did.</summary>
public sealed class VCenterCredentialRemoval
{
    internal VCenterCredentialRemoval(Sendense.VCenterCredential credential, int referencingVMs)
    {
        Credential = credential;
        ReferencingVMs = referencingVMs;
    }

    /// <summary>The credential as it was before it was removed.</summary>
    public Sendense.VCenterCredential Credential { get; }

    /// <summary>VM contexts that pointed at it (their credential_id is now NULL); non-zero only with force.</summary>
    public int ReferencingVMs { get; }
}
