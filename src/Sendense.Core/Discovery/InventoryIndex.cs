using System.Xml;
using Sendense.Core.VSphere;
using Sendense.Core.VSphere.Soap;
using Sendense.Core.VSphere.Types;

namespace Sendense.Core.Discovery;

/// <summary>
/// The containers and networks of one sweep, read from the same container view as the VMs, and what is resolved
/// from them in memory: a VM's datacenter, folder path and vApp from its parent, a host's cluster, a NIC's network
/// name. Lookups are cached per parent and per host, so 10,000 VMs cost a few hundred walks.
/// </summary>
internal sealed class InventoryIndex : IObjectContentVisitor
{
    private readonly Dictionary<ManagedObjectReference, InventoryEntity> _entities = new Dictionary<ManagedObjectReference, InventoryEntity>();
    private readonly Dictionary<string, InventoryEntity> _portgroupsByKey = new Dictionary<string, InventoryEntity>(System.StringComparer.Ordinal);
    private readonly Dictionary<string, InventoryEntity> _opaqueById = new Dictionary<string, InventoryEntity>(System.StringComparer.Ordinal);
    private readonly Dictionary<ManagedObjectReference, InventoryLocation?> _locations = new Dictionary<ManagedObjectReference, InventoryLocation?>();
    private readonly Dictionary<ManagedObjectReference, (string Host, string Cluster)> _hosts = new Dictionary<ManagedObjectReference, (string, string)>();
    private InventoryEntity? _current;

    /// <summary>Every VM of the view, in the view's order (from ContainerView.view).</summary>
    internal List<ManagedObjectReference> VirtualMachines { get; } = new List<ManagedObjectReference>();

    /// <summary>Every datacenter (display names), for "datacenter not found" checks.</summary>
    internal IEnumerable<string> DatacenterNames
    {
        get
        {
            foreach (InventoryEntity entity in _entities.Values)
            {
                if (entity.Self.Type == "Datacenter")
                {
                    yield return InventoryName.Unescape(entity.Name);
                }
            }
        }
    }

    internal int Count => _entities.Count;

    /// <summary>The property spec that fills this index from a container view.</summary>
    internal static PropertyFilterSpec Spec(ManagedObjectReference view) => new PropertyFilterSpec(
        new[]
        {
            new PropertySpec("Folder", "name", "parent"),
            new PropertySpec("Datacenter", "name", "parent"),
            new PropertySpec("VirtualApp", "name", "parent", "parentFolder", "parentVApp"),
            new PropertySpec("ComputeResource", "name", "parent"),
            new PropertySpec("HostSystem", "name", "parent"),
            new PropertySpec("Network", "name"),
            new PropertySpec("DistributedVirtualPortgroup", "key"),
            new PropertySpec("OpaqueNetwork", "summary"),
            new PropertySpec("ContainerView", "view"),
        },
        new[] { ObjectSpec.ViewContents(view, includeView: true) });

    /// <summary>The managed object types the sweep's container view holds.</summary>
    internal static readonly string[] ViewTypes =
    {
        "Folder", "Datacenter", "VirtualApp", "ComputeResource", "HostSystem", "Network", "VirtualMachine",
    };

    /// <summary>Forgets everything (before a refresh).</summary>
    internal void Clear()
    {
        _entities.Clear();
        _portgroupsByKey.Clear();
        _opaqueById.Clear();
        _locations.Clear();
        _hosts.Clear();
        VirtualMachines.Clear();
    }

    /// <summary>Where a VM whose parent (or parentVApp) is <paramref name="parent"/> sits; null when an ancestor is unknown.</summary>
    internal InventoryLocation? Locate(ManagedObjectReference parent)
    {
        if (parent.IsEmpty)
        {
            return null;
        }

        if (!_locations.TryGetValue(parent, out InventoryLocation? location))
        {
            location = Walk(parent);
            if (location is not null)
            {
                _locations[parent] = location;
            }
        }

        return location;
    }

    /// <summary>The host's name and, when it is in one, its cluster's name (display forms).</summary>
    internal (string Host, string Cluster) HostAndCluster(ManagedObjectReference host)
    {
        if (host.IsEmpty)
        {
            return (string.Empty, string.Empty);
        }

        if (_hosts.TryGetValue(host, out (string Host, string Cluster) known))
        {
            return known;
        }

        if (!_entities.TryGetValue(host, out InventoryEntity? entity))
        {
            return (string.Empty, string.Empty);
        }

        string cluster = string.Empty;
        if (entity.Parent.Type == "ClusterComputeResource" && _entities.TryGetValue(entity.Parent, out InventoryEntity? parent))
        {
            cluster = InventoryName.Unescape(parent.Name);
        }

        var result = (InventoryName.Unescape(entity.Name), cluster);
        _hosts[host] = result;
        return result;
    }

    /// <summary>The display name of the network a NIC backing points at; empty when unknown.</summary>
    internal string NetworkName(ManagedObjectReference network, string? deviceName, string? portgroupKey, string? opaqueNetworkId)
    {
        if (portgroupKey is not null)
        {
            if (_portgroupsByKey.TryGetValue(portgroupKey, out InventoryEntity? portgroup) ||
                _entities.TryGetValue(new ManagedObjectReference("DistributedVirtualPortgroup", portgroupKey), out portgroup))
            {
                return InventoryName.Unescape(portgroup.Name);
            }

            return string.Empty;
        }

        if (opaqueNetworkId is not null)
        {
            return _opaqueById.TryGetValue(opaqueNetworkId, out InventoryEntity? opaque) ? InventoryName.Unescape(opaque.Name) : string.Empty;
        }

        if (!network.IsEmpty && _entities.TryGetValue(network, out InventoryEntity? standard))
        {
            return InventoryName.Unescape(standard.Name);
        }

        return deviceName is null ? string.Empty : InventoryName.Unescape(deviceName);
    }

    private InventoryLocation? Walk(ManagedObjectReference start)
    {
        // Leaf to root: folders and vApps between the vm folder and the VM, then the datacenter and folders above it.
        var folders = new List<string>();
        var vApps = new List<string>();
        var segments = new List<string>();
        string vmFolderName = "vm";
        ManagedObjectReference current = start;
        InventoryEntity? datacenter = null;
        for (int guard = 0; guard < 512 && datacenter is null; guard++)
        {
            if (current.IsEmpty || !_entities.TryGetValue(current, out InventoryEntity? entity))
            {
                return null;
            }

            switch (current.Type)
            {
                case "Datacenter":
                    datacenter = entity;
                    break;
                case "Folder" when entity.Parent.Type == "Datacenter":
                    vmFolderName = entity.Name;
                    current = entity.Parent;
                    break;
                case "Folder":
                    folders.Add(entity.Name);
                    segments.Add(entity.Name);
                    current = entity.Parent;
                    break;
                case "VirtualApp":
                    vApps.Add(entity.Name);
                    segments.Add(entity.Name);
                    current = !entity.ParentFolder.IsEmpty ? entity.ParentFolder : !entity.ParentVApp.IsEmpty ? entity.ParentVApp : entity.Parent;
                    break;
                default:
                    return null;
            }
        }

        if (datacenter is null)
        {
            return null;
        }

        var datacenterPath = new List<string> { datacenter.Name };
        ManagedObjectReference above = datacenter.Parent;
        for (int guard = 0; guard < 512 && !above.IsEmpty && _entities.TryGetValue(above, out InventoryEntity? folder) && !folder.Parent.IsEmpty; guard++)
        {
            datacenterPath.Add(folder.Name);
            above = folder.Parent;
        }

        datacenterPath.Reverse();
        folders.Reverse();
        vApps.Reverse();
        segments.Reverse();
        string dcPath = string.Join("/", datacenterPath);
        string prefix = "/" + dcPath + "/" + vmFolderName + (segments.Count == 0 ? string.Empty : "/" + string.Join("/", segments));
        return new InventoryLocation(
            InventoryName.Unescape(datacenter.Name),
            dcPath,
            string.Join("/", folders.ConvertAll(InventoryName.Unescape)),
            string.Join("/", folders),
            string.Join("/", vApps.ConvertAll(InventoryName.Unescape)),
            prefix);
    }

    // --- IObjectContentVisitor: filled by InventoryIndex.Spec ------------------------------------------------------

    void IObjectContentVisitor.BeginObject(ManagedObjectReference obj)
    {
        if (obj.Type == "ContainerView")
        {
            _current = null;
            return;
        }

        if (!_entities.TryGetValue(obj, out _current))
        {
            _current = new InventoryEntity(obj);
            _entities[obj] = _current;
        }
    }

    void IObjectContentVisitor.Property(string name, XmlReader reader)
    {
        InventoryEntity? entity = _current;
        if (name == "view")
        {
            InventoryXml.ReadViewContents(reader, VirtualMachines);
            return;
        }

        if (entity is null)
        {
            reader.Skip();
            return;
        }

        switch (name)
        {
            case "name": entity.Name = VimXml.ReadString(reader); break;
            case "parent": entity.Parent = VimXml.ReadMoRef(reader); break;
            case "parentFolder": entity.ParentFolder = VimXml.ReadMoRef(reader); break;
            case "parentVApp": entity.ParentVApp = VimXml.ReadMoRef(reader); break;
            case "key": entity.PortgroupKey = VimXml.ReadString(reader); break;
            case "summary": entity.OpaqueNetworkId = InventoryXml.ReadOpaqueNetworkId(reader); break;
            default: reader.Skip(); break;
        }
    }

    void IObjectContentVisitor.Missing(string path, VimFault fault)
    {
    }

    void IObjectContentVisitor.EndObject()
    {
        if (_current is { } entity)
        {
            if (entity.PortgroupKey is { } key)
            {
                _portgroupsByKey[key] = entity;
            }

            if (entity.OpaqueNetworkId is { } id)
            {
                _opaqueById[id] = entity;
            }
        }

        _current = null;
    }
}
