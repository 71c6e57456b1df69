namespace Sendense.Core.Discovery;

/// <summary>Where an object sits in the inventory, resolved once per parent from the containers' names and parents.</summary>
/// <param name="Datacenter">The datacenter's display name.</param>
/// <param name="DatacenterPath">The datacenter with the folders above it, escaped as vSphere returns names.</param>
/// <param name="Folder">The VM folders below the datacenter's vm folder, display names.</param>
/// <param name="EscapedFolder">The same folders, escaped.</param>
/// <param name="VApp">The vApps the object is in, display names.</param>
/// <param name="PathPrefix">The inventory path up to the object, /&lt;DC&gt;/vm/&lt;folders&gt;.</param>
internal sealed record InventoryLocation(string Datacenter, string DatacenterPath, string Folder, string EscapedFolder, string VApp, string PathPrefix);
