using Sendense.Core.Credentials;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Base of the cmdlets that change one stored vCenter credential (Set-, Remove-SendenseVCenterCredential): the
/// three ways to name it, -Name, -Id and -InputObject from the pipeline, declared here once.
/// </summary>
public abstract class CredentialTargetCmdlet : HubCmdlet
{
    /// <summary>The credential's name (exact, compared as the hub compares names: without regard to case).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.Name)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VCenterCredentialNameCompleter))]
    public string Name { get; set; } = string.Empty;

    /// <summary>The credential's id.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParameterSets.Id)]
    [ValidateRange(1, int.MaxValue)]
    public int Id { get; set; }

    /// <summary>A credential from Get-SendenseVCenterCredential.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParameterSets.InputObject, ValueFromPipeline = true)]
    [ValidateNotNull]
    public VCenterCredential? InputObject { get; set; }

    /// <summary>The credential this record names.</summary>
    protected VCenterCredentialIdentity Identity => ParameterSetName switch
    {
        ParameterSets.Id => new VCenterCredentialIdentity(Id),
        ParameterSets.InputObject => new VCenterCredentialIdentity(InputObject!),
        _ => new VCenterCredentialIdentity(Name),
    };

    /// <summary>The input as the user gave it: the TargetObject of this record's errors.</summary>
    protected object Target => (object?)InputObject ?? (ParameterSetName == ParameterSets.Id ? Id : Name);
}
