using System.Management.Automation;
using Sendense.Hub.Schema;
using Sendense.PowerShell.Infrastructure;

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
        HubSchemaReport report;
        try
        {
            report = Await(token => HubSchemaEngine.InspectAsync(hub, token));
            var approved = report.MissingTables
                .Where(table => ShouldProcess($"{hub.Database} on {hub.Server}:{hub.Port}", $"Create table {table}"))
                .ToList();
            if (approved.Count > 0)
            {
                report = Await(token => HubSchemaEngine.CreateTablesAsync(hub, approved, token));
            }
        }
        catch (SendenseException exception)
        {
            ThrowSendenseError(exception, hub);
            return;
        }

        foreach (string table in report.CreatedTables)
        {
            WriteVerbose($"Created table {table}.");
        }

        if (report.Problems.Length > 0)
        {
            WriteSendenseError(new SendenseException(SendenseErrorCode.HubSchemaMismatch,
                $"The hub database {hub} lacks what the module needs:{System.Environment.NewLine}- " +
                string.Join(System.Environment.NewLine + "- ", report.Problems)), hub);
        }

        WriteObject(report);
        base.EndProcessing();
    }
}
