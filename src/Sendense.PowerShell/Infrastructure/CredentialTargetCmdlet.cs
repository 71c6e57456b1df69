using Sendense.Core.Credentials;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Base of the cmdlets that change one stored vCenter credential (Set-, Remove-SendenseVCenterCredential): the
/// three ways to name it, -Name, -Id and -InputObject from the pipeline, declared here once.
/// </summary>
public abstract class CredentialTargetCmdlet : HubCmdlet
{
    /// <summary>The parameter set of -Name (the default set of the derived cmdlets).</summary>
    protected const string NameSet = "Name";

    private const string IdSet = "Id";
    private const string InputObjectSet = "InputObject";

    /// <summary>The credential's name (exact, compared as the hub compares names: without regard to case).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(VCenterCredentialNameCompleter))]
    public string Name { get; set; } = string.Empty;

    /// <summary>The credential's id.</summary>
    [Parameter(Mandatory = true, ParameterSetName = IdSet)]
    [ValidateRange(1, int.MaxValue)]
    public int Id { get; set; }

    /// <summary>A credential from Get-SendenseVCenterCredential.</summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public VCenterCredential? InputObject { get; set; }

    /// <summary>The credential this record names.</summary>
    protected VCenterCredentialIdentity Identity => ParameterSetName switch
    {
        IdSet => new VCenterCredentialIdentity(Id),
        InputObjectSet => new VCenterCredentialIdentity(InputObject!),
        _ => new VCenterCredentialIdentity(Name),
    };

    /// <summary>The input as the user gave it: the TargetObject of this record's errors.</summary>
    protected object Target => (object?)InputObject ?? (ParameterSetName == IdSet ? Id : Name);
}
