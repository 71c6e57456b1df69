namespace Sendense.Core.VSphere.Types;

/// <summary>The parts of ServiceInstance.content this client uses. Never hard-code these references.</summary>
internal sealed class ServiceContent
{
    internal ManagedObjectReference RootFolder { get; init; }

    internal ManagedObjectReference PropertyCollector { get; init; }

    internal ManagedObjectReference ViewManager { get; init; }

    internal ManagedObjectReference SessionManager { get; init; }

    internal AboutInfo About { get; init; } = new AboutInfo();
}
