namespace Sendense.Core.VSphere.Types;

/// <summary>Which properties to collect for one managed object type (PropertySpec).</summary>
internal sealed class PropertySpec
{
    internal PropertySpec(string type, params string[] pathSet)
    {
        Type = type;
        PathSet = pathSet;
    }

    internal string Type { get; }

    internal IReadOnlyList<string> PathSet { get; }
}

/// <summary>How to reach objects from a starting object (TraversalSpec); only the forms this client sends.</summary>
internal sealed class TraversalSpec
{
    internal TraversalSpec(string type, string path, bool skip)
    {
        Type = type;
        Path = path;
        Skip = skip;
    }

    internal string Type { get; }

    internal string Path { get; }

    internal bool Skip { get; }
}

/// <summary>A starting object and the traversals from it (ObjectSpec).</summary>
internal sealed class ObjectSpec
{
    internal ObjectSpec(ManagedObjectReference obj, bool skip = false, TraversalSpec? selectSet = null)
    {
        Obj = obj;
        Skip = skip;
        SelectSet = selectSet;
    }

    internal ManagedObjectReference Obj { get; }

    internal bool Skip { get; }

    internal TraversalSpec? SelectSet { get; }

    /// <summary>Every object of a container view: the view itself is skipped unless asked for.</summary>
    internal static ObjectSpec ViewContents(ManagedObjectReference view, bool includeView = false) =>
        new ObjectSpec(view, skip: !includeView, new TraversalSpec("ContainerView", "view", skip: false));
}

/// <summary>What RetrievePropertiesEx collects (PropertyFilterSpec).</summary>
internal sealed class PropertyFilterSpec
{
    internal PropertyFilterSpec(IReadOnlyList<PropertySpec> propSet, IReadOnlyList<ObjectSpec> objectSet, bool reportMissingObjects = false)
    {
        PropSet = propSet ?? throw new ArgumentNullException(nameof(propSet));
        ObjectSet = objectSet ?? throw new ArgumentNullException(nameof(objectSet));
        ReportMissingObjectsInResults = reportMissingObjects;
    }

    internal IReadOnlyList<PropertySpec> PropSet { get; }

    internal IReadOnlyList<ObjectSpec> ObjectSet { get; }

    /// <summary>
    /// True when the object set names objects explicitly: one deleted since it was listed must not fail the call
    /// (ManagedObjectNotFound), it is reported or left out instead.
    /// </summary>
    internal bool ReportMissingObjectsInResults { get; }
}
