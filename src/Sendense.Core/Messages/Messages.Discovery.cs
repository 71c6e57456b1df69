using Sendense.Core.Discovery;

namespace Sendense.Core.Common;

/// <summary>The discovery family's messages.</summary>
public static partial class Messages
{
    /// <summary>Invoke-SendenseVMDiscovery.</summary>
    public static class Discovery
    {
        /// <summary>-SkipCertificateCheck.</summary>
        public static string CertificateNotChecked(string vcenter) =>
            $"-SkipCertificateCheck: the certificate of vCenter {vcenter} is not checked, so anyone on the network path can impersonate it and capture the credential. Pin its thumbprint with -Thumbprint instead.";

        /// <summary>A closed -Hub.</summary>
        public static string ClosedHub(string hub) =>
            $"The hub connection given with -Hub ({hub}) is closed, so IsManaged and ContextId are left empty. Connect again with Connect-SendenseHub.";

        /// <summary>A stored credential scopes the run to its datacenter.</summary>
        public static string ScopedToDatacenter(string datacenter, string credential) =>
            $"Discovery is scoped to datacenter '{datacenter}' of credential '{credential}'; give -Datacenter to choose others.";

        /// <summary>The run's summary.</summary>
        public static string Done(VMDiscoveryResult result, string vcenter) =>
            $"Discovered {result.Discovered} VM(s) on vCenter {vcenter} in {result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s " +
            $"({result.Pages} page(s){(result.TemplatesSkipped > 0 ? $", {result.TemplatesSkipped} template(s) left out" : string.Empty)}).";

        /// <summary>A name without wildcards matched no VM.</summary>
        public static SendenseException NoSuchVM(string name, string vcenter, bool filtered, bool includeTemplates) =>
            new SendenseException(SendenseErrorCode.VCenterVMNotFound,
                $"No VM named '{name}' was found on vCenter {vcenter}{(filtered ? " with the given filters" : string.Empty)}" +
                $"{(includeTemplates ? string.Empty : " (templates are left out unless -IncludeTemplate is given)")}.");

        /// <summary>A datacenter without wildcards matched none.</summary>
        public static SendenseException NoSuchDatacenter(string datacenter, string vcenter) =>
            new SendenseException(SendenseErrorCode.VCenterDatacenterNotFound, $"No datacenter named '{datacenter}' was found on vCenter {vcenter}.");

        /// <summary>How many VMs of the vCenter the hub manages.</summary>
        public static string ManagedCount(int count) =>
            $"The hub manages {count.ToString("N0", CultureInfo.CurrentCulture)} VM(s) of this vCenter; IsManaged and ContextId are set from that.";

        /// <summary>The managed lookup failed.</summary>
        public static string ManagedUnknown(string reason) =>
            "Could not read which VMs the hub manages, so IsManaged and ContextId are left empty: " + reason;

        /// <summary>The same failure, now naming the vCenter as its target.</summary>
        public static SendenseException About(SendenseException exception, string vcenter) =>
            new SendenseException((exception ?? throw new ArgumentNullException(nameof(exception))).Code, exception.Message, exception.InnerException)
            {
                IsTransient = exception.IsTransient,
                StopsCommand = exception.StopsCommand,
                Target = vcenter,
            };

        /// <summary>A progress bar's status line.</summary>
        public static string Stage(VMDiscoveryProgress progress)
        {
            CultureInfo culture = CultureInfo.CurrentCulture;
            return (progress ?? throw new ArgumentNullException(nameof(progress))).Stage switch
            {
                VMDiscoveryStage.Connecting => "Connecting and logging in",
                VMDiscoveryStage.ReadingInventory => "Reading datacenters, folders, hosts, clusters and networks",
                VMDiscoveryStage.SelectingVMs => progress.Total is int all ? $"Selecting from {all.ToString("N0", culture)} VMs" : "Selecting VMs",
                _ => progress.Total is int total
                    ? $"{progress.Discovered.ToString("N0", culture)} VMs discovered, {progress.Read.ToString("N0", culture)} of {total.ToString("N0", culture)} read"
                    : $"{progress.Discovered.ToString("N0", culture)} VMs discovered",
            };
        }
    }
}
