namespace Sendense.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Creates the hub tables the module uses where they are absent, and checks existing ones.</para>
/// <para type="description">Creates any of the nine hub tables the module works with that the database lacks, with
/// the upstream hub's exact definitions, and checks existing tables for the columns and keys the module needs.
/// Never drops, alters or writes rows.</para>
/// </summary>
[Cmdlet(VerbsData.Initialize, "SendenseDatabase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(HubSchemaReport))]
public sealed class InitializeSendenseDatabaseCommand : HubCmdlet
{
    /// <inheritdoc />
    protected override void EndProcessing()
    {
        HubConnection hub = ResolveHub();
        RunEach<HubSchemaReport>((observer, token) => Services.Schema(hub).InitializeAsync(observer, token), hub);
    }
}
