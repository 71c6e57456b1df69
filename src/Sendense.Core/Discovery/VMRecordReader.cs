using System.Xml;
using Sendense.Core.VSphere;
using Sendense.Core.VSphere.Soap;
using Sendense.Core.VSphere.Types;

namespace Sendense.Core.Discovery;

/// <summary>Turns the streamed properties of each VM into a <see cref="VMRecord"/> and hands it on when the object ends.</summary>
internal sealed class VMRecordReader : IObjectContentVisitor
{
    private readonly Action<VMRecord> _completed;
    private VMRecord? _current;

    internal VMRecordReader(Action<VMRecord> completed) => _completed = completed;

    public void BeginObject(ManagedObjectReference obj) => _current = new VMRecord { Self = obj };

    public void Property(string name, XmlReader reader)
    {
        VMRecord? vm = _current;
        if (vm is null)
        {
            reader.Skip();
            return;
        }

        switch (name)
        {
            case "name": vm.Name = VimXml.ReadString(reader); break;
            case "parent": vm.Parent = VimXml.ReadMoRef(reader); break;
            case "parentVApp": vm.ParentVApp = VimXml.ReadMoRef(reader); break;
            case "config.uuid": vm.BiosUuid = VimXml.ReadString(reader); break;
            case "config.instanceUuid": vm.InstanceUuid = VimXml.ReadString(reader); break;
            case "config.template": vm.IsTemplate = VimXml.ReadBool(reader); break;
            case "config.guestFullName": vm.ConfiguredGuest = VimXml.ReadString(reader); break;
            case "config.version": vm.HardwareVersion = VimXml.ReadString(reader); break;
            case "config.hardware.numCPU": vm.NumCpu = VimXml.ReadInt(reader); break;
            case "config.hardware.memoryMB": vm.MemoryMB = VimXml.ReadInt(reader); break;
            case "config.hardware.device": DeviceReader.Read(reader, vm); break;
            case "runtime.powerState": vm.PowerState = VimXml.ReadString(reader); break;
            case "runtime.connectionState": vm.ConnectionState = VimXml.ReadString(reader); break;
            case "runtime.host": vm.Host = VimXml.ReadMoRef(reader); break;
            case "guest.guestFullName": vm.ToolsGuest = VimXml.ReadString(reader); break;
            case "guest.ipAddress": vm.IPAddress = VimXml.ReadString(reader); break;
            default: reader.Skip(); break;
        }
    }

    public void Missing(string path, VimFault fault) => _current?.Missing.Add((path, fault.TypeName));

    public void EndObject()
    {
        VMRecord? vm = _current;
        _current = null;
        if (vm is not null)
        {
            _completed(vm);
        }
    }
}
