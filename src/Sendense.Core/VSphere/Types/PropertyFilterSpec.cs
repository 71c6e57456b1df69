namespace Sendense.Core.VSphere.Types;

/// <summary>Which properties to collect for one managed object type (PropertySpec).</summary>
internal sealed record PropertySpec(string Type, params string[] PathSet);

/// <summary>A TraversalSpec: follow a property of objects of a type.</summary>
/// <param name="Type">The managed object type the traversal starts from.</param>
/// <param name="Path">The property to follow.</param>
/// <param name="Skip">Whether the starting object itself is left out.</param>
internal sealed record TraversalSpec(string Type, string Path, bool Skip);

/// <summary>An ObjectSpec: where a retrieval starts.</summary>
/// <param name="Obj">The starting object.</param>
/// <param name="Skip">Whether it is left out of the results.</param>
/// <param name="SelectSet">An optional traversal from it.</param>
internal sealed record ObjectSpec(ManagedObjectReference Obj, bool Skip = false, TraversalSpec? SelectSet = null)
{
    /// <summary>The objects of a ContainerView (the view itself too when asked).</summary>
    internal static ObjectSpec ViewContents(ManagedObjectReference view, bool includeView = false) =>
        new ObjectSpec(view, Skip: !includeView, new TraversalSpec("ContainerView", "view", Skip: false));
}

/// <summary>A PropertyFilterSpec: which properties of which objects.</summary>
/// <param name="PropSet">The properties per type.</param>
/// <param name="ObjectSet">The objects.</param>
/// <param name="ReportMissingObjectsInResults">
/// True when the object set names objects explicitly: one deleted since it was listed must not fail the call
/// (ManagedObjectNotFound), it is reported or left out instead.
/// </param>
internal sealed record PropertyFilterSpec(IReadOnlyList<PropertySpec> PropSet, IReadOnlyList<ObjectSpec> ObjectSet, bool ReportMissingObjectsInResults = false);
