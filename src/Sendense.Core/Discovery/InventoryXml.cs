using System.Xml;
using Sendense.Core.VSphere.Soap;
using Sendense.Core.VSphere.Types;

namespace Sendense.Core.Discovery;

/// <summary>The few XML shapes of the inventory read that are not plain names and parents.</summary>
internal static class InventoryXml
{
    /// <summary>The VirtualMachine references of a ContainerView's view property.</summary>
    internal static void ReadViewContents(XmlReader reader, List<ManagedObjectReference> virtualMachines)
    {
        if (!VimXml.Enter(reader))
        {
            return;
        }

        while (VimXml.NextChild(reader))
        {
            if (VimXml.Is(reader, VimNames.ManagedObjectReference))
            {
                ManagedObjectReference reference = VimXml.ReadMoRef(reader);
                if (reference.Type == "VirtualMachine")
                {
                    virtualMachines.Add(reference);
                }
            }
            else
            {
                reader.Skip();
            }
        }
    }

    /// <summary>An opaque network's id from its summary.</summary>
    internal static string? ReadOpaqueNetworkId(XmlReader reader)
    {
        string? id = null;
        if (VimXml.Enter(reader))
        {
            while (VimXml.NextChild(reader))
            {
                if (VimXml.Is(reader, VimNames.OpaqueNetworkId))
                {
                    id = VimXml.ReadString(reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return id;
    }
}
