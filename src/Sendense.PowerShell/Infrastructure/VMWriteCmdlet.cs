using Sendense.Core.Credentials;
using Sendense.Core.VMs;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>
/// Base of Add-SendenseVM and Update-SendenseVM, the two cmdlets that write VMs through the VM store's add session:
/// the stored credential both record in credential_id (-VCenterCredential) and the batch size are declared here
/// once, and each VM written comes out under the view that shows its Result. The ways into vCenter (-VCenter,
/// -Credential, -VIServer) stay on each cmdlet: Add takes them for names only, Update for any input.
/// </summary>
public abstract class VMWriteCmdlet : VCenterCmdlet
{
    /// <summary>
    /// A vCenter credential stored in the hub (name, id or object): recorded in credential_id of every VM written and
    /// used to log in to vCenter where one is needed. Counts as one use.
    /// </summary>
    [Parameter]
    [VCenterCredentialTransformation]
    [ArgumentCompleter(typeof(VCenterCredentialNameCompleter))]
    [ValidateNotNull]
    public VCenterCredentialIdentity? VCenterCredential { get; set; }

    /// <summary>VMs per transaction (1000 by default).</summary>
    [Parameter]
    [ValidateRange(1, 10000)]
    public int BatchSize { get; set; } = VMAddRequest.DefaultBatchSize;

    /// <summary>Runs the write; each VM it reports is written with <paramref name="resultView"/> first among its type names.</summary>
    protected void RunWrite(Func<IOutcomeObserver<VM>, CancellationToken, Task> work, HubConnection hub, string resultView) =>
        RunEach<VM>(work, hub, vm =>
        {
            var output = PSObject.AsPSObject(vm);
            output.TypeNames.Insert(0, resultView);
            WriteObject(output);
        });
}
