using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Sendense.Core.VSphere;
using Sendense.Core.VSphere.Soap;

namespace Sendense.Core.Discovery;

/// <summary>
/// Discovers VMs in one vCenter: the entry point Invoke-SendenseVMDiscovery calls, and Add-SendenseVM for its
/// discover-by-identity path. Logs in (or borrows a session), sweeps, logs out (only a session it created). When the
/// session expires mid-sweep (a NotAuthenticated fault, or NotAuthenticated in a missingSet) it logs in again once and
/// restarts the sweep without handing any VM out twice. Every failure is a SendenseException that names the vCenter.
/// </summary>
public static class VMDiscoveryService
{
    /// <summary>Runs a discovery; VMs, progress and messages go to <paramref name="observer"/> while it runs.</summary>
    public static async Task<VMDiscoveryResult> DiscoverAsync(VCenterConnectionOptions connection, VMDiscoveryRequest request,
        VMDiscoveryObserver observer, CancellationToken cancellationToken) =>
        await DiscoverAsync(connection, request, observer, handler: null, cancellationToken).ConfigureAwait(false);

    internal static async Task<VMDiscoveryResult> DiscoverAsync(VCenterConnectionOptions connection, VMDiscoveryRequest request,
        VMDiscoveryObserver observer, System.Net.Http.HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        if (connection is null)
        {
            throw new ArgumentNullException(nameof(connection));
        }

        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (observer is null)
        {
            throw new ArgumentNullException(nameof(observer));
        }

        if (request.PageSize is < 1 or > 10000)
        {
            throw new SendenseException(SendenseErrorCode.VCenterInvalidArgument, $"The page size {request.PageSize} is out of range: give 1 to 10000 objects per page.");
        }

        var watch = Stopwatch.StartNew();
        observer.OnProgress(new VMDiscoveryProgress { Stage = VMDiscoveryStage.Connecting });
        VimClient client = await VimClient.ConnectAsync(connection, handler, cancellationToken, observer.OnVerbose).ConfigureAwait(false);
        try
        {
            observer.OnVerbose($"Connected to vCenter {connection.Server} ({Describe(client)}) as {client.SessionUser}" +
                (client.OwnsSession ? "." : ", reusing an existing session (it is not logged out)."));
            var sweep = new DiscoverySweep(client, request, observer, connection.HostName);
            bool renewed = false;
            while (true)
            {
                try
                {
                    await sweep.RunAsync(cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (VimFaultException fault) when (fault.Fault.IsNotAuthenticated && client.OwnsSession && !renewed)
                {
                    renewed = true;
                    observer.OnVerbose($"The session on vCenter {connection.Server} expired during the sweep; logging in again and restarting it ({sweep.Discovered} VMs already written are not repeated).");
                    await client.LogInAgainAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            foreach (string warning in sweep.MissingDataWarnings())
            {
                observer.OnWarning(warning);
            }

            observer.OnProgress(new VMDiscoveryProgress { Stage = VMDiscoveryStage.Completed, Discovered = sweep.Discovered, Pages = sweep.Pages });
            return new VMDiscoveryResult
            {
                VCenter = connection.HostName,
                Product = client.Content.About.FullName,
                InstanceUuid = client.Content.About.InstanceUuid,
                UserName = client.SessionUser,
                Discovered = sweep.Discovered,
                TemplatesSkipped = sweep.TemplatesSkipped,
                Pages = sweep.Pages,
                SessionRenewed = renewed,
                UnmatchedNames = sweep.UnmatchedNames(),
                UnmatchedDatacenters = sweep.UnmatchedDatacenters(),
                UnmatchedIdentities = sweep.UnmatchedIdentities(),
                Elapsed = watch.Elapsed,
            };
        }
        catch (VisitorAbortedException aborted) when (aborted.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(aborted.InnerException).Throw();
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException && exception is not SendenseException)
        {
            throw client.Map(exception);
        }
        finally
        {
            await client.CloseAsync().ConfigureAwait(false);
        }
    }

    private static string Describe(VimClient client)
    {
        string product = client.Content.About.FullName.Length > 0 ? client.Content.About.FullName : client.Content.About.Name;
        return $"{product}, API {client.ApiVersion}";
    }
}
