using Sendense.Core.VSphere.Types;

namespace Sendense.Core.Discovery;

/// <summary>
/// The VM property paths, fixed at compile time (one unknown path makes a real vCenter fail the whole call with
/// InvalidProperty). Paths go through declared types only; config.hardware.device is the only heavy one.
/// </summary>
internal static class VMPropertyPaths
{
    /// <summary>Enough to select VMs by name, place, state or identity.</summary>
    internal static readonly string[] Light =
    {
        "name", "parent", "parentVApp", "config.template", "runtime.powerState", "config.uuid", "config.instanceUuid",
    };

    /// <summary>Everything a DiscoveredVM carries.</summary>
    internal static readonly string[] Full =
    {
        "name", "parent", "parentVApp",
        "config.uuid", "config.instanceUuid", "config.template", "config.guestFullName", "config.version",
        "config.hardware.numCPU", "config.hardware.memoryMB", "config.hardware.device",
        "runtime.powerState", "runtime.connectionState", "runtime.host",
        "guest.guestFullName", "guest.ipAddress",
    };

    /// <summary>Light properties of every VM in a container view (paged).</summary>
    internal static PropertyFilterSpec LightOverView(ManagedObjectReference view) => new PropertyFilterSpec(
        new[] { new PropertySpec("VirtualMachine", Light) },
        new[] { ObjectSpec.ViewContents(view) });

    /// <summary>All properties of the given VMs, named one by one (missing ones are left out, not a failure).</summary>
    internal static PropertyFilterSpec FullForVMs(IReadOnlyList<ManagedObjectReference> vms)
    {
        var objects = new ObjectSpec[vms.Count];
        for (int i = 0; i < vms.Count; i++)
        {
            objects[i] = new ObjectSpec(vms[i]);
        }

        return new PropertyFilterSpec(new[] { new PropertySpec("VirtualMachine", Full) }, objects, ReportMissingObjectsInResults: true);
    }
}
